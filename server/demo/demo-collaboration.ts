import type { Faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { classroomVisits, discussionReplies, discussionThreads, visitFeedback, visitVisitors } from "../db/schema";
import { SEARCH_CONFIG } from "../db/search";
import { renderMarkdown } from "../features/discussions/render-markdown";
import type { DemoCalendar } from "./demo-calendar";
import type { DemoPerson } from "./demo-communities";

const THREADS = [
  {
    title: "What does proficient look like on target 2?",
    body: "Before Thursday, can everyone bring **two student samples** you would call a 3 on our scale? I want us to calibrate before we score the common assessment.",
    replies: [
      "I'll bring two from my intervention group, they're right on the line between a 2 and a 3.",
      "Could we also look at one that's a clear 4? It helps me see where the ceiling is.",
    ],
  },
  {
    title: "Sentence frames that got my quiet students talking",
    body: "Tried these this week:\n\n- *I agree with ___ because…*\n- *Can you say more about…*\n- *I noticed that…*\n\nParticipation went way up in partner talk.",
    replies: [
      "Stealing these for tomorrow. Do you post them on the wall or hand them out?",
      "Wall, and on a card taped to each desk.",
    ],
  },
  {
    title: "Reteach plan for equivalent fractions",
    body: "Our exit tickets show most students need models still. Draft plan: number lines on day 1, fraction strips on day 2, then the same exit ticket again.",
    replies: ["Looks good. Let's share the exit ticket in the library so the whole grade uses the same one."],
  },
];

const FORUM = [
  {
    title: "Anyone using standards-based grading in middle school?",
    body: "Our team is exploring proficiency scales for grades 6–8. I'd love to hear from any team, any school, that has tried it: what worked, what you'd do differently?",
    replies: [
      "Riverside High's Algebra I team moved to 1–4 scales last year. Happy to share our reporting template.",
      "Following this thread!",
    ],
  },
  {
    title: "Books for our next text-based discussion",
    body: "Looking for short readings (10–15 minutes) on formative assessment for our text-based protocol. Suggestions welcome.",
    replies: [
      "Any chapter on feedback that moves learning forward works well, pick one that is short enough to read in the meeting.",
    ],
  },
];

/** Discussions in communities and the district forum, and classroom visits with feedback. */
export async function seedDemoCollaboration(
  db: Db,
  faker: Faker,
  districtId: string,
  staff: DemoPerson[],
  cal: DemoCalendar,
): Promise<void> {
  const communityRows = await db.execute<{ id: string; members: string[] }>(sql`
    select c.id, array_agg(cm.person_id order by cm.joined_at, cm.person_id) as members
      from communities c join community_members cm on cm.community_id = c.id
     where c.district_id = ${districtId} group by c.id order by c.name`);
  const now = cal.now;
  const post = async (
    communityId: string | null,
    authors: string[],
    plan: (typeof THREADS)[number],
    daysAgo: number,
  ) => {
    const author = faker.helpers.arrayElement(authors);
    const [thread] = await db
      .insert(discussionThreads)
      .values({
        districtId,
        communityId,
        title: plan.title,
        body: plan.body,
        bodyHtml: renderMarkdown(plan.body),
        authorId: author,
        replyCount: plan.replies.length,
        lastActivityAt: now.minus({ days: daysAgo - plan.replies.length }).toJSDate(),
        createdAt: now.minus({ days: daysAgo }).toJSDate(),
        search: sql`to_tsvector(${SEARCH_CONFIG}, ${`${plan.title}\n${plan.body}`})`,
      })
      .returning({ id: discussionThreads.id });
    for (const [i, body] of plan.replies.entries()) {
      await db.insert(discussionReplies).values({
        districtId,
        threadId: thread?.id as string,
        body,
        bodyHtml: renderMarkdown(body),
        authorId: faker.helpers.arrayElement(authors.filter((a) => a !== author)),
        createdAt: now.minus({ days: daysAgo - i - 1 }).toJSDate(),
        search: sql`to_tsvector(${SEARCH_CONFIG}, ${body})`,
      });
    }
  };
  for (const [i, community] of communityRows.rows.entries()) {
    if (community.members.length < 2) continue;
    await post(community.id, community.members, THREADS[i % THREADS.length] as (typeof THREADS)[number], 20 - i);
  }
  const educators = staff.filter((p) => ["teacher", "coach", "school_leader"].includes(p.role)).map((p) => p.id);
  for (const [i, plan] of FORUM.entries()) await post(null, educators, plan, 12 - i * 4);

  // Classroom visits: a few invitations, most with feedback; the host shared some with their team.
  const teachers = staff.filter((p) => p.role === "teacher");
  const emily = staff.find((p) => p.email === "emily.chen@riverside.example");
  const hosts = [emily, ...faker.helpers.arrayElements(teachers, 4)].filter((p): p is DemoPerson => p !== undefined);
  for (const [i, host] of hosts.entries()) {
    const colleagues = teachers.filter((p) => p.id !== host.id && p.schoolKey === host.schoolKey);
    const visitors = faker.helpers.arrayElements(colleagues, Math.min(2, colleagues.length));
    if (!visitors.length) continue;
    const team = communityRows.rows.find((c) => c.members.includes(host.id));
    const isDone = i !== 0;
    const [visit] = await db
      .insert(classroomVisits)
      .values({
        districtId,
        hostId: host.id,
        communityId: team?.id ?? null,
        schoolId: sql`(select school_id from role_assignments where person_id = ${host.id} and school_id is not null limit 1)`,
        focus: faker.helpers.arrayElement([
          "How do students use the sentence frames during partner talk?",
          "Which students are not yet participating in the number talk?",
          "Is the exit ticket giving me the information I need?",
        ]),
        startsAt: now
          .plus({ days: isDone ? -7 * i : 3 })
          .set({ hour: 9, minute: 30 })
          .toJSDate(),
        status: isDone ? "completed" : "scheduled",
      })
      .returning({ id: classroomVisits.id });
    const visitId = visit?.id as string;
    await db.insert(visitVisitors).values(visitors.map((v) => ({ districtId, visitId, visitorId: v.id })));
    if (!isDone) continue;
    await db.insert(visitFeedback).values(
      visitors.map((v, j) => ({
        districtId,
        visitId,
        visitorId: v.id,
        observations:
          "Most pairs used the frames in the first five minutes; two pairs drifted once the task got harder.",
        whatWorked: "Modelling the frame with a student before the pairs started.",
        whatToTry: "A second round of frames for disagreeing politely.",
        question: "How do you decide the pairs?",
        isSharedWithTeam: team !== undefined && j === 0 && i !== 3,
      })),
    );
  }
}
