import type { z } from "zod";
import { IdParams } from "../../../contract/common";
import {
  AnsweredReceipt,
  AnswersInput,
  Instrument,
  InstrumentInput,
  InstrumentList,
  Round,
  RoundInput,
  RoundList,
} from "../../../contract/surveys";
import { todayIn } from "../../clock";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { SurveyAudience } from "../../policy/rules";
import type { App } from "../../types";
import { findCommunity } from "../communities/communities.queries";
import { answerRound, checkAnswers } from "./answer-round";
import { createInstrument } from "./create-instrument";
import { findInstrument, listInstruments } from "./instruments.queries";
import { openRound } from "./open-round";
import { presentRound, presentRoundSummary, roundStatus } from "./surveys.present";
import {
  findRound,
  findSchoolDistrict,
  listOpenPlaces,
  listRounds,
  ownChildrenSchoolIds,
  type RoundRow,
  roundsAnsweredBy,
} from "./surveys.queries";

/** Self-assessment: instruments, rounds for a team or a school, and anonymous answers. */
export async function surveysRoutes(app: App) {
  /** A round the actor may read, or 404. */
  async function loadRound(actor: Actor, id: string): Promise<RoundRow> {
    const round = (await findRound(app.db, id)) ?? notFound("round");
    authorize(actor, "surveyRound.read", round);
    return round;
  }

  async function presentOne(actor: Actor, round: RoundRow) {
    const answered = await roundsAnsweredBy(app.db, actor.personId, [round.id]);
    return presentRound(actor, round, answered.has(round.id), todayIn(actor.timeZone));
  }

  /** The audience named by a round's input, as the rules see it: an unknown team or school is a 404. */
  async function audienceOf(actor: Actor, audience: z.infer<typeof RoundInput>["audience"]): Promise<SurveyAudience> {
    if (audience.kind === "team") {
      const community = (await findCommunity(app.db, audience.communityId)) ?? notFound("team");
      if (community.archived && community.districtId === actor.districtId) {
        invalid("This team is archived.", [
          { pointer: "/body/audience/communityId", detail: "Choose an active team." },
        ]);
      }
      return { districtId: community.districtId, community, schoolId: null };
    }
    const school = (await findSchoolDistrict(app.db, audience.schoolId)) ?? notFound("school");
    return {
      districtId: school.districtId,
      community: null,
      schoolId: audience.schoolId,
      forFamilies: audience.kind === "families",
    };
  }

  app.get(
    "/surveys/instruments",
    { config: { policy: "survey.list" }, schema: { response: { 200: InstrumentList } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "survey.list", { districtId: actor.districtId });
      return {
        items: await listInstruments(app.db, actor.districtId),
        can: { create: can(actor, "surveyInstrument.create", { districtId: actor.districtId }) },
      };
    },
  );

  app.post(
    "/surveys/instruments",
    {
      config: { policy: "surveyInstrument.create" },
      schema: { body: InstrumentInput, response: { 201: Instrument } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, "surveyInstrument.create", { districtId: actor.districtId });
      const unleveled = request.body.items.findIndex((item) => item.scale === "rubric" && !item.levels);
      if (unleveled >= 0) {
        invalid("A rubric item names and describes each of its levels.", [
          { pointer: `/body/items/${unleveled}/levels`, detail: "Give from 2 to 6 levels." },
        ]);
      }
      const id = await createInstrument(app.db, actorContextOf(request), request.body);
      return reply.code(201).send((await findInstrument(app.db, actor.districtId, id)) ?? notFound("instrument"));
    },
  );

  app.get(
    "/surveys/rounds",
    { config: { policy: "survey.list" }, schema: { response: { 200: RoundList } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "survey.list", { districtId: actor.districtId });
      const today = todayIn(actor.timeZone);
      const rounds = (await listRounds(app.db, actor.districtId)).filter((r) => can(actor, "surveyRound.read", r));
      const answered = await roundsAnsweredBy(
        app.db,
        actor.personId,
        rounds.map((r) => r.id),
      );
      const places = await listOpenPlaces(app.db, actor.districtId);
      const district = { districtId: actor.districtId, schoolId: null };
      return {
        items: rounds.map((r) => presentRoundSummary(actor, r, answered.has(r.id), today)),
        openOptions: {
          communities: places.communities
            .filter((c) =>
              can(actor, "surveyRound.open", { ...district, community: { ...c, districtId: actor.districtId } }),
            )
            .map(({ id, name }) => ({ id, name })),
          schools: places.schools.filter((s) =>
            can(actor, "surveyRound.open", { districtId: actor.districtId, community: null, schoolId: s.id }),
          ),
        },
        can: { readOverview: can(actor, "surveyReport.read", { districtId: actor.districtId }) },
      };
    },
  );

  app.post(
    "/surveys/rounds",
    { config: { policy: "surveyRound.open" }, schema: { body: RoundInput, response: { 201: Round } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const audience = await audienceOf(actor, request.body.audience);
      authorize(actor, "surveyRound.open", audience);
      if (request.body.closesOn < request.body.opensOn) {
        invalid("A round closes on or after the day it opens.", [
          { pointer: "/body/closesOn", detail: "Choose a date on or after the opening date." },
        ]);
      }
      const instrument = await findInstrument(app.db, actor.districtId, request.body.instrumentRef);
      if (!instrument || instrument.items.length === 0) {
        invalid("Choose one of the instruments offered.", [
          { pointer: "/body/instrumentRef", detail: "No such instrument in this district." },
        ]);
      }
      const forFamilies = request.body.audience.kind === "families";
      if (instrument.audience !== (forFamilies ? "families" : "staff")) {
        invalid(forFamilies ? "Families answer a family survey." : "This instrument is not for a team or a school.", [
          { pointer: "/body/instrumentRef", detail: "Choose an instrument written for this audience." },
        ]);
      }
      const { audience: place, ...dates } = request.body;
      const id = await openRound(app.db, actorContextOf(request), instrument, { place, ...dates });
      return reply.code(201).send(await presentOne(actor, await loadRound(actor, id)));
    },
  );

  app.get(
    "/surveys/rounds/:id",
    { config: { policy: "surveyRound.read" }, schema: { params: IdParams, response: { 200: Round } } },
    async (request) => {
      const actor = requireActor(request);
      return presentOne(actor, await loadRound(actor, request.params.id));
    },
  );

  app.post(
    "/surveys/rounds/:id/answers",
    {
      config: { policy: "surveyRound.answer" },
      schema: { params: IdParams, body: AnswersInput, response: { 201: AnsweredReceipt } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const found = (await findRound(app.db, request.params.id)) ?? notFound("round");
      const round = found.forFamilies
        ? { ...found, ownChildrenSchoolIds: await ownChildrenSchoolIds(app.db, actor) }
        : found;
      authorize(actor, "surveyRound.answer", round);
      const status = roundStatus(round, todayIn(actor.timeZone));
      if (status !== "open") {
        invalid(status === "upcoming" ? `This round opens on ${round.opensOn}.` : "This round has closed.");
      }
      const problems = checkAnswers(round.items, request.body.answers);
      if (problems.length) invalid("Some answers do not fit this round.", problems);
      await answerRound(app.db, actor, round, request.body.answers);
      return reply.code(201).send({ answered: round.answered + 1, hasAnswered: true as const });
    },
  );
}
