import type { Protocol } from "../../../contract/meetings";

type LibraryProtocol = Omit<Protocol, "key" | "totalMinutes" | "basedOn" | "communityId"> & { slug: string };

const FACILITATOR = "Facilitator";
const TIMEKEEPER = "Timekeeper";
const RECORDER = "Recorder";
const PRESENTER = "Presenter";

/**
 * The built-in protocol library, written for Collective. Teams copy and adapt these; a meeting keeps a
 * snapshot of the protocol it ran on.
 */
const LIBRARY: LibraryProtocol[] = [
  {
    slug: "data-driven-dialogue",
    name: "Data-driven dialogue",
    purpose:
      "Look at a set of student results together, separating what the data shows from what we think it means, before deciding what to do.",
    steps: [
      {
        title: "Predict",
        minutes: 5,
        roles: [FACILITATOR, TIMEKEEPER],
        prompts: [
          "Before we look: what do we expect these results to show, and why?",
          "Which assumptions are we bringing to this data?",
        ],
      },
      {
        title: "Observe",
        minutes: 10,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "What do you notice? State facts only: numbers, patterns, gaps.",
          "Which results surprise you? Which confirm your prediction?",
        ],
      },
      {
        title: "Infer and question",
        minutes: 15,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "What might explain what we observed?",
          "What else would we need to know to be confident?",
          "Which students, targets or items stand out?",
        ],
      },
      {
        title: "Decide next steps",
        minutes: 10,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "Which students need support or extension, on which targets?",
          "What will each of us try in class before we meet again? Record action items with owners and dates.",
        ],
      },
    ],
  },
  {
    slug: "looking-at-student-work",
    name: "Looking at student work",
    purpose:
      "Study a few pieces of student work closely to understand how students are thinking, and what that means for our teaching.",
    steps: [
      {
        title: "Get started",
        minutes: 5,
        roles: [PRESENTER, FACILITATOR],
        prompts: ["The presenter shares the task and the learning target, without explaining the work itself."],
      },
      {
        title: "Describe the work",
        minutes: 10,
        roles: [FACILITATOR],
        prompts: ["What do you see? Describe without judging: 'I see…', 'The student wrote…'."],
      },
      {
        title: "Interpret the student's thinking",
        minutes: 10,
        roles: [FACILITATOR],
        prompts: [
          "What does the student seem to understand? What seems unclear to them?",
          "What is the student working on, from their point of view?",
        ],
      },
      {
        title: "Implications for teaching",
        minutes: 10,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "What could we do next with this student, and with students like them?",
          "What does this suggest about the task itself?",
        ],
      },
      {
        title: "Reflect",
        minutes: 5,
        roles: [PRESENTER, FACILITATOR],
        prompts: ["Presenter: what did you hear that you will use?", "All: how did the protocol work for us?"],
      },
    ],
  },
  {
    slug: "tuning",
    name: "Tuning protocol",
    purpose: "Help a colleague refine a lesson, unit, assessment or task through structured warm and cool feedback.",
    steps: [
      {
        title: "Presenter overview",
        minutes: 10,
        roles: [PRESENTER],
        prompts: ["Share the work, its goals, and one focusing question you want feedback on."],
      },
      {
        title: "Clarifying questions",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["Ask brief questions of fact that have short answers."],
      },
      {
        title: "Examine the work",
        minutes: 10,
        roles: [FACILITATOR],
        prompts: ["Read or review the work silently with the focusing question in mind. Note warm and cool feedback."],
      },
      {
        title: "Warm and cool feedback",
        minutes: 15,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "Warm: where does the work already meet its goals?",
          "Cool: where might it fall short? Phrase as questions: 'I wonder what would happen if…'",
          "The presenter listens and takes notes without responding.",
        ],
      },
      {
        title: "Presenter reflection",
        minutes: 5,
        roles: [PRESENTER],
        prompts: ["What will you take from the feedback? What will you change?"],
      },
      {
        title: "Debrief",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["How did the conversation help? What would improve it next time?"],
      },
    ],
  },
  {
    slug: "consultancy",
    name: "Consultancy",
    purpose: "Think together about a colleague's dilemma of practice, so they leave with new ways of seeing it.",
    steps: [
      {
        title: "Frame the dilemma",
        minutes: 10,
        roles: [PRESENTER],
        prompts: ["Describe the dilemma, what you have tried, and the question you want the group to think about."],
      },
      {
        title: "Clarifying questions",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["Questions of fact only: who, when, how many."],
      },
      {
        title: "Probing questions",
        minutes: 10,
        roles: [FACILITATOR],
        prompts: ["Ask open questions that help the presenter think more deeply: 'What would success look like?'"],
      },
      {
        title: "Group discussion",
        minutes: 15,
        roles: [FACILITATOR, RECORDER],
        prompts: [
          "Talk about the dilemma among yourselves while the presenter listens.",
          "What did we hear? What might be going on? What has not been considered?",
        ],
      },
      {
        title: "Presenter responds",
        minutes: 5,
        roles: [PRESENTER],
        prompts: ["What struck you? What are your next steps?"],
      },
      {
        title: "Debrief",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["How well did we stay with the presenter's question?"],
      },
    ],
  },
  {
    slug: "success-analysis",
    name: "Success analysis",
    purpose: "Learn from what is working: name the conditions behind a success so the team can repeat it.",
    steps: [
      {
        title: "Write about a success",
        minutes: 5,
        roles: [TIMEKEEPER],
        prompts: [
          "Each person writes briefly about a recent success with students: what happened and what the evidence was.",
        ],
      },
      {
        title: "Share in small groups",
        minutes: 15,
        roles: [FACILITATOR],
        prompts: ["Take turns sharing. Listeners ask: what did you do that made the difference?"],
      },
      {
        title: "Name what made it work",
        minutes: 10,
        roles: [FACILITATOR, RECORDER],
        prompts: ["Which practices, conditions or decisions appear in more than one story?"],
      },
      {
        title: "Transfer to practice",
        minutes: 10,
        roles: [FACILITATOR, RECORDER],
        prompts: ["Which of these will we try in other classrooms or with other students? Record action items."],
      },
      {
        title: "Debrief",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["What did we learn about our own strengths as a team?"],
      },
    ],
  },
  {
    slug: "text-based-discussion",
    name: "Text-based discussion",
    purpose:
      "Deepen the team's learning about content or pedagogy by discussing a shared reading, with every voice heard.",
    steps: [
      {
        title: "Read and mark the text",
        minutes: 10,
        roles: [TIMEKEEPER],
        prompts: ["Read the text and mark two or three passages that matter to you for our work."],
      },
      {
        title: "Share a passage",
        minutes: 15,
        roles: [FACILITATOR],
        prompts: ["In turn, each person reads one passage and says why it stood out, without discussion."],
      },
      {
        title: "Respond and build",
        minutes: 15,
        roles: [FACILITATOR],
        prompts: ["Respond to the passages shared: where do they connect, where do they challenge our practice?"],
      },
      {
        title: "Final word",
        minutes: 5,
        roles: [FACILITATOR],
        prompts: ["Each person says in one sentence what they will carry into their classroom."],
      },
      {
        title: "Debrief",
        minutes: 5,
        roles: [FACILITATOR, RECORDER],
        prompts: ["Record any decisions or action items that came out of the reading."],
      },
    ],
  },
];

function totalMinutes(steps: { minutes: number }[]): number {
  return steps.reduce((sum, step) => sum + step.minutes, 0);
}

/** The built-in protocols as API objects, keyed "library:<slug>". */
export function libraryProtocols(): Protocol[] {
  return LIBRARY.map(({ slug, ...protocol }) => ({
    ...protocol,
    key: `library:${slug}`,
    totalMinutes: totalMinutes(protocol.steps),
    basedOn: null,
    communityId: null,
  }));
}

export function findLibraryProtocol(key: string): Protocol | undefined {
  return libraryProtocols().find((p) => p.key === key);
}

export { totalMinutes };
