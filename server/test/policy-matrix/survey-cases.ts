import { nowMs } from "../../clock";
import { meetings, surveyAnswers, surveyRespondents, surveyRounds } from "../../db/schema";
import { familyPartnership } from "../../features/surveys/instruments/feedback";
import { learningCommunities } from "../../features/surveys/instruments/learning-communities";
import { buildStudent, linkFamily } from "../evidence-factories";
import { buildPerson, type TestPerson } from "../factories";
import { type Case, COMMUNITY_CONTRIBUTORS, type Ctx, LEADERS, STAFF, type Targets } from "./matrix-context";

const THRESHOLD_ANSWERS = 10;

/** A fresh open round of the learning-communities instrument for the district's team. */
async function teamRound(c: Ctx, targets: Targets): Promise<string> {
  const [round] = await c.db
    .insert(surveyRounds)
    .values({
      districtId: targets.district.id,
      instrumentKey: learningCommunities.key,
      title: learningCommunities.title,
      items: learningCommunities.items,
      communityId: targets.communityId,
      termLabel: `Term of ${targets.district.name}`,
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
    })
    .returning({ id: surveyRounds.id });
  return round?.id as string;
}

const answered = new Map<string, Promise<string>>();

/** A round of the team with enough answers to show its results (made once per district). */
function answeredRound(c: Ctx, targets: Targets): Promise<string> {
  const known = answered.get(targets.district.id);
  if (known) return known;
  const made = (async () => {
    const roundId = await teamRound(c, targets);
    for (let i = 0; i < THRESHOLD_ANSWERS; i++) {
      const person = await buildPerson(c.db, targets.district, "teacher");
      await c.db.insert(surveyRespondents).values({ districtId: targets.district.id, roundId, personId: person.id });
      await c.db.insert(surveyAnswers).values(
        learningCommunities.items.map((item) => ({
          districtId: targets.district.id,
          roundId,
          itemKey: item.key,
          level: 1 + (i % 4),
        })),
      );
    }
    return roundId;
  })();
  answered.set(targets.district.id, made);
  return made;
}

/**
 * A scheduled meeting of the team within the hour, so the round's next meeting exists whatever earlier cases did
 * to the context's own meeting (started, completed, cancelled).
 */
async function upcomingMeeting(c: Ctx, targets: Targets): Promise<void> {
  await c.db.insert(meetings).values({
    districtId: targets.district.id,
    communityId: targets.communityId,
    title: "Next meeting",
    startsAt: new Date(nowMs() + 3_600_000),
    endsAt: new Date(nowMs() + 7_200_000),
    protocol: {
      key: "library:tuning",
      name: "Tuning",
      purpose: "",
      steps: [{ title: "Go", minutes: 5, roles: [], prompts: [] }],
    },
  });
}

/** A meeting of the team held an hour ago, for feedback (each request its own, as a meeting is asked once). */
async function heldMeeting(c: Ctx, targets: Targets): Promise<string> {
  const [meeting] = await c.db
    .insert(meetings)
    .values({
      districtId: targets.district.id,
      communityId: targets.communityId,
      title: "Held meeting",
      startsAt: new Date(nowMs() - 3_600_000),
      endsAt: new Date(nowMs() - 1_800_000),
      status: "completed",
    })
    .returning({ id: meetings.id });
  return meeting?.id as string;
}

const familyRounds = new Map<string, Promise<void>>();

/**
 * An open family survey of the district's elementary school; in the own district its family member has a child
 * there (made once per district).
 */
function familyRound(c: Ctx, targets: Targets): Promise<void> {
  const known = familyRounds.get(targets.district.id);
  if (known) return known;
  const made = (async () => {
    if (targets === c.own) {
      const child = await buildStudent(c.db, targets.district, { schoolId: targets.district.schools.elementary.id });
      await linkFamily(c.db, targets.district, (c.members.get("family_member") as TestPerson).id, child.id);
    }
    await c.db.insert(surveyRounds).values({
      districtId: targets.district.id,
      instrumentKey: familyPartnership.key,
      title: familyPartnership.title,
      items: familyPartnership.items,
      schoolId: targets.district.schools.elementary.id,
      forFamilies: true,
      termLabel: `Families of ${targets.district.name}`,
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
    });
  })();
  familyRounds.set(targets.district.id, made);
  return made;
}

const allAnswers = learningCommunities.items.map((item) => ({ itemKey: item.key, level: 3 }));

function newRound(targets: Targets) {
  return {
    url: "/api/v1/surveys/rounds",
    payload: {
      instrumentRef: "plc-continuum",
      audience: { kind: "team", communityId: targets.communityId },
      termLabel: "Fall",
      opensOn: "2026-09-01",
      closesOn: "2026-09-30",
    },
  };
}

/**
 * Self-assessment: staff list instruments and the rounds they may read; leaders write instruments and read the
 * overview; a team's round is opened by its facilitator and leaders, answered by its working staff members only,
 * and read (counts only) by them and its leaders. Support staff outside the team and families see none of it.
 */
export const surveyCases: Record<string, Case> = {
  "GET /api/v1/surveys/instruments": { allowed: STAFF, own: () => ({ url: "/api/v1/surveys/instruments" }) },
  "POST /api/v1/surveys/instruments": {
    allowed: LEADERS,
    own: () => ({
      url: "/api/v1/surveys/instruments",
      payload: { title: "Our pulse", items: [{ section: "Team", prompt: "We feel heard.", scale: "agreement" }] },
    }),
  },
  "GET /api/v1/surveys/rounds": {
    allowed: STAFF,
    own: async (c) => {
      await teamRound(c, c.other);
      return { url: "/api/v1/surveys/rounds" };
    },
    leakCheck: (c) => `Term of ${c.other.district.name}`,
  },
  "POST /api/v1/surveys/rounds": {
    allowed: ["district_leader", "school_leader", "coach"],
    own: (c) => newRound(c.own),
    other: (c) => newRound(c.other),
  },
  "GET /api/v1/surveys/rounds/:id": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/surveys/rounds/${await teamRound(c, c.own)}` }),
    other: async (c) => ({ url: `/api/v1/surveys/rounds/${await teamRound(c, c.other)}` }),
  },
  "POST /api/v1/surveys/rounds/:id/answers": {
    // The team's working staff members: its facilitator (the coach) and the teacher; not its leaders or guests.
    allowed: ["coach", "teacher"],
    own: async (c) => ({
      url: `/api/v1/surveys/rounds/${await teamRound(c, c.own)}/answers`,
      payload: { answers: allAnswers },
    }),
    other: async (c) => ({
      url: `/api/v1/surveys/rounds/${await teamRound(c, c.other)}/answers`,
      payload: { answers: allAnswers },
    }),
  },
  "GET /api/v1/surveys/rounds/:id/results": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/surveys/rounds/${await answeredRound(c, c.own)}/results` }),
    other: async (c) => ({ url: `/api/v1/surveys/rounds/${await answeredRound(c, c.other)}/results` }),
  },
  "GET /api/v1/surveys/rounds/:id/trend": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => ({ url: `/api/v1/surveys/rounds/${await answeredRound(c, c.own)}/trend` }),
    other: async (c) => ({ url: `/api/v1/surveys/rounds/${await answeredRound(c, c.other)}/trend` }),
  },
  "POST /api/v1/surveys/rounds/:id/agenda": {
    allowed: COMMUNITY_CONTRIBUTORS,
    own: async (c) => {
      await upcomingMeeting(c, c.own);
      return {
        url: `/api/v1/surveys/rounds/${await answeredRound(c, c.own)}/agenda`,
        payload: { itemKey: "lc.alignment.time" },
      };
    },
    other: async (c) => ({
      url: `/api/v1/surveys/rounds/${await answeredRound(c, c.other)}/agenda`,
      payload: { itemKey: "lc.alignment.time" },
    }),
  },
  "GET /api/v1/meetings/:id/feedback": {
    allowed: ["district_leader", "school_leader", "coach", "teacher", "family_member"],
    own: (c) => ({ url: `/api/v1/meetings/${c.own.meetingId}/feedback` }),
    other: (c) => ({ url: `/api/v1/meetings/${c.other.meetingId}/feedback` }),
  },
  "POST /api/v1/meetings/:id/feedback": {
    // The team's managers ask for feedback on its meetings (as they open its rounds).
    allowed: ["district_leader", "school_leader", "coach"],
    own: async (c) => ({ url: `/api/v1/meetings/${await heldMeeting(c, c.own)}/feedback` }),
    other: async (c) => ({ url: `/api/v1/meetings/${await heldMeeting(c, c.other)}/feedback` }),
  },
  "GET /api/v1/family/surveys": {
    allowed: ["family_member"],
    own: async (c) => {
      await familyRound(c, c.own);
      await familyRound(c, c.other);
      return { url: "/api/v1/family/surveys" };
    },
    leakCheck: (c) => `Families of ${c.other.district.name}`,
  },
  "GET /api/v1/surveys/overview": {
    allowed: LEADERS,
    own: async (c) => {
      await teamRound(c, c.other);
      return { url: "/api/v1/surveys/overview" };
    },
    leakCheck: (c) => `Term of ${c.other.district.name}`,
  },
};
