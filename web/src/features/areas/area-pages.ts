/** What each area that is still being built will hold, told in the words educators use. */
export const AREA_PAGES = {
  communities: {
    title: "Communities",
    summary: "Your collaborative teams: norms, meetings, protocols and action items.",
    intro:
      "Communities are the collaborative teams at the heart of a professional learning community: grade-level and course teams, vertical teams, and singleton networks.",
    coming: [
      "Team norms everyone agreed to, kept where the team can see them",
      "Meeting agendas and notes built around the four critical questions",
      "Discussion protocols to structure looking at student work",
      "Action items with owners and due dates, carried from one meeting to the next",
    ],
  },
  students: {
    title: "Students & data",
    summary: "Class rosters and common formative assessment results by essential standard.",
    intro:
      "Students & data brings together the evidence teams use to answer “Did they learn it?” for every student, standard by standard.",
    coming: [
      "Class rosters, kept in step with your student information system",
      "Common formative assessments and their results, by learning target",
      "Proficiency on each essential standard, against your proficiency scales",
      "Views for teams to spot which students need more time and support",
    ],
  },
  family: {
    title: "My children",
    summary: "What your child is learning this year, and where they are on each goal, in plain words.",
    intro: "The learning goals your child's teachers are working on, and what your child has shown so far.",
    coming: [],
  },
  standards: {
    title: "Standards",
    summary: "The district's standards frameworks, by grade and subject, with the learning targets teams write.",
    intro:
      "Standards holds the frameworks the district has imported, so teams can find and unpack what students learn.",
    coming: [],
  },
  interventions: {
    title: "Interventions",
    summary: "Tiered supports for students who need more time, and their progress monitoring.",
    intro:
      "Interventions is where teams plan and follow up on extra time and support for students who have not yet learned an essential standard.",
    coming: [
      "Tier 2 and Tier 3 intervention groups with their focus and schedule",
      "Progress monitoring checks and how each student is responding",
      "Extension for students who have already shown proficiency",
      "A record of what was tried, to inform the next conversation",
    ],
  },
  goals: {
    title: "Goals & cycles",
    summary: "SMART goals and improvement cycles for teams and schools.",
    intro:
      "Goals & cycles helps teams set SMART goals tied to student learning and work through improvement cycles together.",
    coming: [
      "Team and school SMART goals, with the evidence that will show progress",
      "Improvement cycles: plan, teach, check, and reflect",
      "Progress toward each goal across the year",
    ],
  },
  library: {
    title: "Library",
    summary: "Shared essential standards, proficiency scales, protocols and templates.",
    intro:
      "The Library keeps the shared resources that teams across the district build on, so no team starts from scratch.",
    coming: [
      "Essential standards and the learning targets that unpack them",
      "Proficiency scales for each essential standard",
      "Meeting protocols and agenda templates",
      "Assessment items and lessons teams choose to share",
    ],
  },
} as const;

export type AreaPageKey = keyof typeof AREA_PAGES;
