import { en, Faker } from "@faker-js/faker";
import { DateTime, type WeekdayNumbers } from "luxon";
import type { Db } from "../db/client";
import {
  actionItems,
  communities,
  communityMembers,
  communitySchools,
  meetingAttendance,
  meetingDecisions,
  meetingSeries,
  meetings,
  normAgreements,
  normCheckinResponses,
  normCheckins,
  normRatings,
  normVersions,
} from "../db/schema";
import { libraryProtocols } from "../features/meetings/protocol-library";
import { DEMO_TIME_ZONE, type DemoCalendar } from "./demo-calendar";

export type DemoPerson = { id: string; email: string; role: string; schoolKey: string | null };
type SchoolKey = "elementary" | "middle" | "high";
type Kind = typeof communities.$inferInsert.kind;

const PLANS: {
  name: string;
  kind: Kind;
  schools: SchoolKey[];
  purpose: string;
  named: Record<string, "facilitator" | "recorder" | "member" | "guest">;
  size: number;
}[] = [
  {
    name: "Grade 3 team",
    kind: "grade_level",
    schools: ["elementary"],
    purpose: "Every third grader reads fluently and explains their math thinking by June.",
    named: { "emily.chen@riverside.example": "recorder" },
    size: 6,
  },
  {
    name: "Algebra I course team",
    kind: "content_area",
    schools: ["high"],
    purpose: "Close the gap on linear functions with common assessments and shared reteaching.",
    named: {},
    size: 5,
  },
  {
    name: "K–12 math vertical team",
    kind: "vertical",
    schools: ["elementary", "middle", "high"],
    purpose: "Align how fractions, ratios and functions are taught from kindergarten to grade 12.",
    named: { "priya.natarajan@riverside.example": "facilitator", "emily.chen@riverside.example": "member" },
    size: 7,
  },
  {
    name: "Middle–high science transition",
    kind: "cross_school",
    schools: ["middle", "high"],
    purpose: "Make the move from grade 8 to grade 9 science seamless for every student.",
    named: { "luis.romero@riverside.example": "member" },
    size: 6,
  },
  {
    name: "Instructional coaches network",
    kind: "job_alike",
    schools: ["elementary", "middle", "high"],
    purpose: "Coaches learn together how to support teams through the improvement cycle.",
    named: { "priya.natarajan@riverside.example": "facilitator" },
    size: 4,
  },
  {
    name: "Maple Grove leadership team",
    kind: "leadership",
    schools: ["elementary"],
    purpose: "Lead the school's improvement plan and keep teams focused on results.",
    named: { "james.okafor@riverside.example": "facilitator", "ana.torres@riverside.example": "guest" },
    size: 5,
  },
  {
    name: "Riverside High improvement team",
    kind: "school_improvement",
    schools: ["high"],
    purpose: "Raise ninth-grade on-track rates, with families and community partners at the table.",
    named: { "grace.whitfield@riverside.example": "guest" },
    size: 6,
  },
  {
    name: "Virtual world-language teachers",
    kind: "virtual",
    schools: ["middle", "high"],
    purpose: "World-language teachers across buildings share proficiency-based practice online.",
    named: {},
    size: 4,
  },
];

const NORMS = [
  "We start and end on time.",
  "We keep the focus on student learning and evidence.",
  "Every voice is heard; we listen to understand.",
  "What is said about students stays in the room.",
  "We leave with clear next steps and owners.",
];

const NOTES = [
  "We compared the exit tickets from all classes. Most students can find equivalent fractions with models but not yet without them.",
  "Shared two strategies that worked: number lines on the floor and partner talk with sentence frames.",
  "Looked at six student samples. Students explain steps but rarely justify why a step works.",
  "Reviewed the common assessment results by target. Target 2 is the lowest across every class.",
  "Planned the next unit's common formative assessment and agreed the cut scores.",
];
const DECISIONS = [
  "Reteach target 2 in small groups next week.",
  "Use the shared exit ticket on Fridays in every class.",
  "Give the common assessment on the same day across classes.",
  "Visit each other's classrooms to see partner talk in action.",
];
const ACTIONS = [
  "Bring three student samples",
  "Draft the reteach lesson",
  "Share the rubric in the library",
  "Schedule classroom visits",
  "Update the data wall",
];

/** The demo district's learning communities, each with members, norms and a term of meetings. */
export async function seedDemoCommunities(
  db: Db,
  faker: Faker,
  districtId: string,
  schoolIds: Record<SchoolKey, string>,
  staff: DemoPerson[],
  cal: DemoCalendar,
): Promise<void> {
  const protocols = libraryProtocols();
  const now = cal.now;
  for (const [index, plan] of PLANS.entries()) {
    const [community] = await db
      .insert(communities)
      .values({ districtId, name: plan.name, kind: plan.kind, purpose: plan.purpose })
      .returning({ id: communities.id });
    const communityId = community?.id as string;
    await db
      .insert(communitySchools)
      .values(plan.schools.map((key) => ({ districtId, communityId, schoolId: schoolIds[key] })));

    const named = Object.entries(plan.named).map(([email, teamRole]) => ({
      person: staff.find((p) => p.email === email),
      teamRole,
    }));
    const pool = staff.filter(
      (p) =>
        ["teacher", "coach", "support_staff"].includes(p.role) &&
        p.schoolKey &&
        plan.schools.includes(p.schoolKey as SchoolKey),
    );
    const others = faker.helpers
      .shuffle(pool.filter((p) => !plan.named[p.email]))
      .slice(0, Math.max(0, plan.size - named.length));
    const roster = [
      ...named.flatMap((n) => (n.person ? [{ person: n.person, teamRole: n.teamRole }] : [])),
      ...others.map((person, i) => ({
        person,
        teamRole:
          i === 0 && !named.some((n) => n.teamRole === "facilitator") ? ("facilitator" as const) : ("member" as const),
      })),
    ];
    await db
      .insert(communityMembers)
      // The demo's members have accepted sharing their students (guests have none to share).
      .values(
        roster.map((m) => ({
          districtId,
          communityId,
          personId: m.person.id,
          teamRole: m.teamRole,
          sharesStudents: m.teamRole !== "guest",
        })),
      );
    const facilitatorId = roster.find((m) => m.teamRole === "facilitator")?.person.id ?? null;

    const [version] = await db
      .insert(normVersions)
      .values({
        districtId,
        communityId,
        version: 1,
        norms: faker.helpers.arrayElements(NORMS, 4),
        createdById: facilitatorId,
      })
      .returning({ id: normVersions.id });
    const agreeing = roster.filter((_, i) => i < roster.length - (index % 2));
    await db
      .insert(normAgreements)
      .values(agreeing.map((m) => ({ districtId, normVersionId: version?.id as string, personId: m.person.id })));
    const [checkin] = await db
      .insert(normCheckins)
      .values({
        districtId,
        communityId,
        normVersionId: version?.id as string,
        opensOn: now.minus({ weeks: 3 }).toISODate() as string,
        closesOn: now.minus({ weeks: 2 }).toISODate() as string,
      })
      .returning({ id: normCheckins.id });
    const raters = roster.slice(0, Math.max(2, roster.length - 1));
    await db
      .insert(normCheckinResponses)
      .values(raters.map((m) => ({ districtId, checkinId: checkin?.id as string, personId: m.person.id })));
    await db.insert(normRatings).values(
      raters.flatMap(() =>
        [0, 1, 2, 3].map((normIndex) => ({
          districtId,
          checkinId: checkin?.id as string,
          normIndex,
          rating: faker.number.int({ min: 2, max: 4 }),
        })),
      ),
    );

    // A weekly series: eight meetings already held this term, four still to come. How many are past depends on
    // the hour the demo is seeded, so their random details come from a generator of their own: the rest of the
    // demo draws the same numbers at any hour.
    const meetingFaker = new Faker({ locale: [en], seed: 20_261_200 + index });
    const weekday = (1 + (index % 4)) as WeekdayNumbers;
    const first = now.minus({ weeks: 8 }).set({ weekday, hour: 15, minute: 30, second: 0, millisecond: 0 });
    const [series] = await db
      .insert(meetingSeries)
      .values({
        districtId,
        communityId,
        rrule: "RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=12",
        timezone: DEMO_TIME_ZONE,
        createdById: facilitatorId,
      })
      .returning({ id: meetingSeries.id });
    const isVirtual = plan.kind === "virtual";
    const rows = await db
      .insert(meetings)
      .values(
        Array.from({ length: 12 }, (_, week) => {
          const startsAt = first.plus({ weeks: week });
          const protocol = protocols[(index + week) % protocols.length];
          const isPast = startsAt.plus({ minutes: 50 }) < now;
          return {
            districtId,
            communityId,
            seriesId: series?.id ?? null,
            title: `${plan.name} meeting`,
            startsAt: startsAt.toJSDate(),
            endsAt: startsAt.plus({ minutes: 50 }).toJSDate(),
            mode: isVirtual ? ("virtual" as const) : week % 3 === 2 ? ("blended" as const) : ("in_person" as const),
            location: isVirtual ? "" : `Room ${100 + index * 10}`,
            link: isVirtual || week % 3 === 2 ? `https://meet.riverside.example/${communityId.slice(0, 8)}` : null,
            protocol: protocol
              ? { key: protocol.key, name: protocol.name, purpose: protocol.purpose, steps: protocol.steps }
              : null,
            agenda: [
              { title: "Celebrations", minutes: 5 },
              { title: "Protocol", minutes: 35 },
              { title: "Next steps", minutes: 10 },
            ],
            notes: isPast ? meetingFaker.helpers.arrayElement(NOTES) : "",
            status: isPast ? ("completed" as const) : ("scheduled" as const),
            createdById: facilitatorId,
          };
        }),
      )
      .returning({ id: meetings.id, status: meetings.status, startsAt: meetings.startsAt });
    const past = rows.filter((m) => m.status === "completed");
    await db.insert(meetingAttendance).values(
      past.flatMap((m) =>
        roster.map((member) => ({
          districtId,
          meetingId: m.id,
          personId: member.person.id,
          status: meetingFaker.helpers.weightedArrayElement([
            { weight: 8, value: "present" as const },
            { weight: 1, value: "absent" as const },
            { weight: 1, value: "excused" as const },
          ]),
        })),
      ),
    );
    await db.insert(meetingDecisions).values(
      past.map((m) => ({
        districtId,
        meetingId: m.id,
        text: meetingFaker.helpers.arrayElement(DECISIONS),
        createdById: facilitatorId,
      })),
    );
    await db.insert(actionItems).values(
      past.map((m, i) => {
        const isDone = i < past.length - 2;
        const due = DateTime.fromJSDate(m.startsAt).plus({ days: 6 });
        return {
          districtId,
          communityId,
          meetingId: m.id,
          title: meetingFaker.helpers.arrayElement(ACTIONS),
          ownerId: meetingFaker.helpers.arrayElement(roster).person.id,
          dueOn: due.toISODate(),
          status: isDone ? ("done" as const) : ("open" as const),
          completedAt: isDone ? due.minus({ days: 1 }).toJSDate() : null,
          createdById: facilitatorId,
          createdAt: m.startsAt,
        };
      }),
    );
  }
}
