import { DateTime } from "luxon";
import { IdParams } from "../../../contract/common";
import { FamilySurveyList, MeetingFeedback, Round } from "../../../contract/surveys";
import { nowIn, todayIn } from "../../clock";
import { conflict, invalid } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import type { Actor } from "../../policy/actor";
import { authorize, can } from "../../policy/authorize";
import type { App } from "../../types";
import { loadMeetingFor } from "../meetings/meeting-access";
import { meetingFeedback } from "./instruments/feedback";
import { findInstrument } from "./instruments.queries";
import { openRound } from "./open-round";
import { presentRound, presentRoundSummary } from "./surveys.present";
import {
  findMeetingRound,
  findRound,
  listOpenFamilyRounds,
  ownChildrenSchoolIds,
  type RoundRow,
  roundsAnsweredBy,
} from "./surveys.queries";

/** Days a meeting's feedback stays open. */
const FEEDBACK_DAYS = 7;

/**
 * Feedback on a meeting (the first level of evaluating professional learning: participation and reactions), asked
 * by the team's facilitator once it has started and answered anonymously by those present; and the family surveys
 * a family member may answer, in their language.
 */
export async function surveyFeedbackRoutes(app: App) {
  async function present(actor: Actor, round: RoundRow) {
    const answered = await roundsAnsweredBy(app.db, actor.personId, [round.id]);
    return presentRoundSummary(actor, round, answered.has(round.id), todayIn(actor.timeZone));
  }

  app.get(
    "/meetings/:id/feedback",
    { config: { policy: "community.read" }, schema: { params: IdParams, response: { 200: MeetingFeedback } } },
    async (request) => {
      const actor = requireActor(request);
      const { meeting, community } = await loadMeetingFor(app.db, actor, request.params.id, "community.read");
      const round = await findMeetingRound(app.db, meeting.id);
      const audience = { districtId: community.districtId, community, schoolId: null };
      return {
        round: round && can(actor, "surveyRound.read", round) ? await present(actor, round) : null,
        can: {
          ask:
            !round &&
            (meeting.status === "in_progress" || meeting.status === "completed") &&
            can(actor, "surveyRound.open", audience),
        },
      };
    },
  );

  app.post(
    "/meetings/:id/feedback",
    { config: { policy: "surveyRound.open" }, schema: { params: IdParams, response: { 201: Round } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { meeting, community } = await loadMeetingFor(app.db, actor, request.params.id, "community.read");
      authorize(actor, "surveyRound.open", { districtId: community.districtId, community, schoolId: null });
      if (meeting.status !== "in_progress" && meeting.status !== "completed") {
        invalid("Ask for feedback once the meeting has started.");
      }
      if (await findMeetingRound(app.db, meeting.id)) conflict("Feedback on this meeting has already been asked for.");
      const instrument = await findInstrument(app.db, actor.districtId, meetingFeedback.key);
      if (!instrument) throw new Error("the meeting feedback instrument is missing");
      const today = nowIn(actor.timeZone);
      const held = DateTime.fromJSDate(meeting.startsAt, { zone: actor.timeZone });
      const opensOn = DateTime.min(held, today).toISODate() as string;
      const id = await openRound(app.db, actorContextOf(request), instrument, {
        place: { kind: "meeting", communityId: community.id, meetingId: meeting.id },
        termLabel: `${meeting.title}, ${held.toISODate()}`,
        opensOn,
        closesOn: today.plus({ days: FEEDBACK_DAYS }).toISODate() as string,
      });
      const round = await findRound(app.db, id);
      if (!round) throw new Error("the round just opened is missing");
      return reply.code(201).send(presentRound(actor, round, false, todayIn(actor.timeZone)));
    },
  );

  app.get(
    "/family/surveys",
    { config: { policy: "family.readChildren" }, schema: { response: { 200: FamilySurveyList } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "family.readChildren", { districtId: actor.districtId });
      const today = todayIn(actor.timeZone);
      const schools = await ownChildrenSchoolIds(app.db, actor);
      const rounds = await listOpenFamilyRounds(app.db, schools, today);
      const answered = await roundsAnsweredBy(
        app.db,
        actor.personId,
        rounds.map((r) => r.id),
      );
      return {
        items: rounds
          .map((round) => ({ ...round, ownChildrenSchoolIds: schools }))
          .filter((round) => can(actor, "surveyRound.answer", round))
          .map((round) => presentRound(actor, round, answered.has(round.id), today)),
      };
    },
  );
}
