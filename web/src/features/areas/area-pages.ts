/** What each area of the main navigation holds, told in the words educators use. */
export const AREA_PAGES = {
  communities: {
    title: "Communities",
    summary: "Your collaborative teams: norms, meetings, protocols and action items.",
    intro:
      "Communities are the collaborative teams at the heart of a professional learning community: grade-level and course teams, vertical teams, and singleton networks.",
  },
  students: {
    title: "Students & data",
    summary: "Class rosters and common formative assessment results by essential standard.",
    intro:
      "Students & data brings together the evidence teams use to answer “Did they learn it?” for every student, standard by standard.",
  },
  family: {
    title: "My children",
    summary: "What your child is learning this year, and where they are on each goal, in plain words.",
    intro: "The learning goals your child's teachers are working on, and what your child has shown so far.",
  },
  standards: {
    title: "Standards",
    summary: "The district's standards frameworks, by grade and subject, with the learning targets teams write.",
    intro:
      "Standards holds the frameworks the district has imported, so teams can find and unpack what students learn.",
  },
  interventions: {
    title: "Interventions",
    summary: "Tiered supports for students who need more time, and their progress monitoring.",
    intro:
      "Interventions is where teams plan and follow up on extra time and support for students who have not yet learned an essential standard.",
  },
  goals: {
    title: "Goals & cycles",
    summary: "Goals lined up from the district to each educator, and the teams' improvement cycles.",
    intro:
      "Goals & cycles helps the district, schools, teams and educators set SMART goals that serve each other, and follow them with live data.",
  },
  surveys: {
    title: "Self-assessment",
    summary: "Anonymous self-assessment against the standards for professional learning, term by term.",
    intro:
      "Self-assessment lets a team or a school rate its practice against the standards each term, anonymously, and see how the spread of answers moves over time.",
  },
  library: {
    title: "Library",
    summary: "Shared essential standards, proficiency scales, protocols and templates.",
    intro:
      "The Library keeps the shared resources that teams across the district build on, so no team starts from scratch.",
  },
} as const;
