import type { Course, Measure } from "./demo-progress-data";

/*
 * What the Grade 3 team set up in response to its assessments: the groups, who is in them (picked from the
 * results) and how each student responds, the strategies it added to the library, and a family note.
 */

/** The demo's "today" for progress data: the end of the Grade 3 unit, dated as fixed as its assessments are. */
export const DEMO_PROGRESS_UNTIL = "2026-11-20";

// Days no session ran: Indigenous Peoples' Day, the election-day staff day and Veterans Day.
const SCHOOL_CLOSED = ["2026-10-12", "2026-11-03", "2026-11-11"];
export const REVIEW_MEETING = "2026-11-12";
export const NEXT_REVIEW = "2026-12-10";

export type GroupSpec = {
  name: string;
  kind: "intervention" | "extension";
  tier: number;
  assessment: string;
  targetCode: string;
  focus: string;
  strategy: string;
  strategyResource?: string;
  deliverer: "luis" | "emily";
  minutes: number;
  weekdays: number[];
  schedule: string;
  startDate: string;
  reviewDate: string;
  goalDate: string;
  measure: Measure;
  baseline: [number, number];
  gain: number;
  notHeld: string[];
  /** Who is picked (lowest or highest points on the target) and how each responds, in that order. */
  pick: "lowest" | "highest";
  courses: Course[];
};

const ORF: Measure = { name: "Oral reading fluency (words correct per minute)", unit: 2.5, max: 200 };
export const GROUPS: GroupSpec[] = [
  {
    name: "Main idea: tier 2 reading group",
    kind: "intervention",
    tier: 2,
    assessment: "Unit 2 check: main idea and key details",
    targetCode: "RI.3.2.a",
    focus: "Finding the main idea of a short informational text, and reading it fluently.",
    strategy: "Repeated reading of short informational passages, then 'who or what + most important thing' summaries.",
    strategyResource: "Main idea in ten words: a small-group routine",
    deliverer: "luis",
    minutes: 30,
    weekdays: [1, 2, 3, 4],
    schedule: "Monday to Thursday, 9:10–9:40, reading room",
    startDate: "2026-09-30",
    reviewDate: REVIEW_MEETING,
    goalDate: "2026-12-18",
    measure: ORF,
    baseline: [48, 66],
    gain: 18,
    notHeld: [...SCHOOL_CLOSED, "2026-10-22"],
    pick: "lowest",
    courses: ["intensified", "behind", "met", "on_track", "on_track", "ahead"],
  },
  {
    name: "Character's actions: tier 2 group",
    kind: "intervention",
    tier: 2,
    assessment: "Unit 2 check: stories and characters",
    targetCode: "RL.3.3.b",
    focus: "Explaining how a character's actions move the story, with evidence from the text.",
    strategy: "Story maps with 'because' and 'so' sentence frames after a shared read-aloud.",
    deliverer: "luis",
    minutes: 30,
    weekdays: [1, 2, 3, 4],
    schedule: "Monday to Thursday, 10:30–11:00, Room 12",
    startDate: "2026-10-21",
    reviewDate: "2026-12-02",
    goalDate: "2026-12-18",
    measure: { name: "Character's actions quick check (points out of 20)", unit: 1, max: 20 },
    baseline: [5, 8],
    gain: 9,
    notHeld: SCHOOL_CLOSED,
    pick: "lowest",
    courses: ["on_track", "behind", "on_track", "ahead", "not_met"],
  },
  {
    name: "Main idea extension: comparing two texts",
    kind: "extension",
    tier: 1,
    assessment: "Unit 2 check: main idea and key details",
    targetCode: "RI.3.2.a",
    focus: "Comparing the main ideas and key details of two texts on the same topic.",
    strategy: "Paired texts with a comparison organizer; students lead the closing discussion.",
    strategyResource: "Paired texts: comparing two authors' main ideas",
    deliverer: "emily",
    minutes: 30,
    weekdays: [2, 4],
    schedule: "Tuesdays and Thursdays, 1:15–1:45",
    startDate: "2026-09-30",
    reviewDate: REVIEW_MEETING,
    goalDate: "2026-12-18",
    measure: { name: "Paired-text comparison rubric (points out of 12)", unit: 1, max: 12 },
    baseline: [6, 8],
    gain: 4,
    notHeld: [...SCHOOL_CLOSED, "2026-11-05"],
    pick: "highest",
    courses: ["on_track", "ahead", "met", "on_track", "on_track", "on_track"],
  },
];

export const STRATEGIES = [
  {
    title: "Main idea in ten words: a small-group routine",
    description:
      "A reteach routine for main idea: read a short passage twice, name who or what it is about and the most important thing about it, then say it in ten words or fewer.",
    tags: ["main idea", "reteach", "intervention"],
  },
  {
    title: "Paired texts: comparing two authors' main ideas",
    description:
      "An extension for readers who already find the main idea: two short texts on one topic, a comparison organizer, and a student-led discussion of how the authors differ.",
    tags: ["main idea", "extension", "enrichment"],
  },
];

export const MATEO_NOTE =
  "Hola, Mateo nos cuenta que le gusta el grupo con el Sr. Romero. En casa leemos juntos un cuento cada noche y le preguntamos por qué los personajes hacen lo que hacen. ¿Qué más podemos hacer para ayudarle? Gracias, Ana Torres";
