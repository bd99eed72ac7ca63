import { IdParams } from "../../../contract/common";
import {
  AgendaAdded,
  AgendaInput,
  OverviewQuery,
  RoundResults,
  RoundTrend,
  SurveyOverview,
} from "../../../contract/surveys";
import { invalid, notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { addToAgenda, agendaTitleFor } from "./add-to-agenda";
import { buildResults, isSuppressed, itemMeans, sectionMeans } from "./round-results";
import { audienceOf } from "./surveys.present";
import { countAnswers, findNextMeeting, findRound, listRounds, type RoundRow } from "./surveys.queries";

const AGENDA_MAX_ITEMS = 40;

/**
 * What a round's answers add up to: per-item distributions (nothing below SUPPRESSION_THRESHOLD answers), trends
 * across terms, the leaders' overview by school and team, and a low item onto the team's next meeting's agenda.
 * Only counts leave these routes; there is no route to answers themselves.
 */
export async function surveyResultsRoutes(app: App) {
  async function loadRound(actor: Actor, id: string): Promise<RoundRow> {
    const round = (await findRound(app.db, id)) ?? notFound("round");
    authorize(actor, "surveyRound.read", round);
    return round;
  }

  async function resultsOf(round: RoundRow) {
    const counts = await countAnswers(app.db, [round.id]);
    return buildResults(round.id, round.items, round.answered, counts.get(round.id));
  }

  app.get(
    "/surveys/rounds/:id/results",
    { config: { policy: "surveyRound.read" }, schema: { params: IdParams, response: { 200: RoundResults } } },
    async (request) => {
      const actor = requireActor(request);
      return resultsOf(await loadRound(actor, request.params.id));
    },
  );

  app.get(
    "/surveys/rounds/:id/trend",
    { config: { policy: "surveyRound.read" }, schema: { params: IdParams, response: { 200: RoundTrend } } },
    async (request) => {
      const actor = requireActor(request);
      const round = await loadRound(actor, request.params.id);
      const rounds = (await listRounds(app.db, actor.districtId, round))
        .filter((r) => can(actor, "surveyRound.read", r))
        .reverse();
      const counts = await countAnswers(
        app.db,
        rounds.filter((r) => !isSuppressed(r.answered)).map((r) => r.id),
      );
      return {
        items: round.items.map(({ key, prompt, section }) => ({ key, prompt, section })),
        rounds: rounds.map((r) => ({
          id: r.id,
          termLabel: r.termLabel,
          opensOn: r.opensOn,
          answered: r.answered,
          suppressed: isSuppressed(r.answered),
          means: itemMeans(r.items, r.answered, counts.get(r.id)),
        })),
      };
    },
  );

  app.post(
    "/surveys/rounds/:id/agenda",
    {
      config: { policy: "surveyRound.addToAgenda" },
      schema: { params: IdParams, body: AgendaInput, response: { 201: AgendaAdded } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const round = (await findRound(app.db, request.params.id)) ?? notFound("round");
      authorize(actor, "surveyRound.addToAgenda", round);
      const results = await resultsOf(round);
      if (results.suppressed) {
        invalid(`Results show from ${results.threshold} answers; ${results.needed} more needed.`);
      }
      const item =
        results.items.find((i) => i.key === request.body.itemKey) ??
        invalid("This round has no such item.", [
          { pointer: "/body/itemKey", detail: "Choose an item of this round." },
        ]);
      // The rule refuses school rounds already; a round without a team has no meeting to add to either way.
      const communityId = round.community?.id ?? invalid("A school's round has no team meeting to add to.");
      const meeting =
        (await findNextMeeting(app.db, communityId)) ??
        invalid("The team has no meeting scheduled. Schedule one first.");
      if (meeting.agendaLength >= AGENDA_MAX_ITEMS) invalid("The next meeting's agenda is full.");
      const title = agendaTitleFor(item);
      await addToAgenda(app.db, actorContextOf(request), meeting, round.id, title);
      return reply
        .code(201)
        .send({ meetingId: meeting.id, meetingTitle: meeting.title, startsAt: meeting.startsAt, agendaTitle: title });
    },
  );

  app.get(
    "/surveys/overview",
    {
      config: { policy: "surveyReport.read" },
      schema: { querystring: OverviewQuery, response: { 200: SurveyOverview } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "surveyReport.read", { districtId: actor.districtId });
      const rounds = (await listRounds(app.db, actor.districtId)).filter(
        (r) =>
          (request.query.instrumentRef === undefined || r.instrumentRef === request.query.instrumentRef) &&
          can(actor, "surveyRound.read", r),
      );
      const counts = await countAnswers(
        app.db,
        rounds.filter((r) => !isSuppressed(r.answered)).map((r) => r.id),
      );
      return {
        rows: rounds.map((r) => ({
          roundId: r.id,
          title: r.title,
          termLabel: r.termLabel,
          audience: audienceOf(r),
          schoolNames: r.audienceSchoolNames,
          answered: r.answered,
          suppressed: isSuppressed(r.answered),
          sections: sectionMeans(r.items, r.answered, counts.get(r.id)),
        })),
      };
    },
  );
}
