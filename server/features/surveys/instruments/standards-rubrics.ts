import { type BuiltInInstrument, rubricItem } from "./built-in";

/** A rubric instrument for one standard, four levels from "not yet" to "established". */
function standardRubric(
  key: string,
  title: string,
  description: string,
  items: { key: string; prompt: string; levels: readonly [string, string, string, string] }[],
): BuiltInInstrument {
  const names = ["Not yet", "Beginning", "Developing", "Established"] as const;
  return {
    key,
    title,
    description,
    items: items.map((item) =>
      rubricItem(
        `${key}.${item.key}`,
        title,
        item.prompt,
        item.levels.map((descriptor, index) => [names[index] as string, descriptor] as const),
      ),
    ),
  };
}

/**
 * The other six standards for professional learning as rubrics: each item describes practice at four levels.
 * The descriptors are our own words, written for teams and schools to place themselves honestly.
 */
export const standardsRubrics: BuiltInInstrument[] = [
  standardRubric(
    "leadership",
    "Leadership",
    "Who leads professional learning, and how it is championed and kept going.",
    [
      {
        key: "shared",
        prompt: "Leading professional learning is shared.",
        levels: [
          "One person plans and runs all professional learning.",
          "A few colleagues help plan now and then when asked.",
          "Team members take turns leading and planning parts of our learning.",
          "Leading our learning is expected of everyone and supported with coaching and time.",
        ],
      },
      {
        key: "advocacy",
        prompt: "Leaders speak up for professional learning and protect it.",
        levels: [
          "Learning time is often cancelled or taken over by other business.",
          "Leaders say learning matters but time is still often lost.",
          "Leaders protect most learning time and explain its purpose.",
          "Leaders protect learning time, take part in it, and show how it connects to results.",
        ],
      },
    ],
  ),
  standardRubric(
    "resources",
    "Resources",
    "Time, people, money and tools for professional learning, and how they are used.",
    [
      {
        key: "time",
        prompt: "Time for collaborative learning is scheduled into the work day.",
        levels: [
          "Collaboration happens only if people find time on their own.",
          "Some time is scheduled, but not regularly or not for everyone.",
          "Regular time is scheduled for every team during the work day.",
          "Regular time is scheduled, protected, and its use is reviewed against its purpose.",
        ],
      },
      {
        key: "priorities",
        prompt: "Resources for learning follow our priorities.",
        levels: [
          "We do not know what is spent on professional learning or why.",
          "Spending is known but is not tied to our goals.",
          "Most spending on learning is tied to our goals.",
          "We review what our learning costs against what it changed and shift resources accordingly.",
        ],
      },
    ],
  ),
  standardRubric(
    "data",
    "Data",
    "Using evidence about students and educators to plan and judge professional learning.",
    [
      {
        key: "plan",
        prompt: "We plan our learning from several kinds of evidence.",
        levels: [
          "Topics are chosen without looking at evidence.",
          "We look at one kind of data, such as a yearly test.",
          "We use student work, assessment results and our own practice to choose what to learn.",
          "We use several kinds of evidence and check them against each other before deciding.",
        ],
      },
      {
        key: "evaluate",
        prompt: "We check whether our learning made a difference.",
        levels: [
          "We do not check the effect of our learning.",
          "We ask whether participants liked the learning.",
          "We check whether our practice changed.",
          "We check whether our practice changed and whether students learned more as a result.",
        ],
      },
    ],
  ),
  standardRubric("learning-designs", "Learning designs", "How our professional learning is put together.", [
    {
      key: "active",
      prompt: "Our learning is active and close to our classrooms.",
      levels: [
        "Learning is mostly listening to presentations.",
        "Presentations include some discussion or practice.",
        "We practise, observe each other, and work on real lessons and student work.",
        "We choose designs that fit what we need to learn and keep adjusting them as we go.",
      ],
    },
    {
      key: "theory",
      prompt: "We understand why a learning design should work for us.",
      levels: [
        "We do not discuss how we learn.",
        "We know the design but not why it was chosen.",
        "We can explain why the design fits our goal.",
        "We compare designs, draw on research about adult learning, and choose together.",
      ],
    },
  ]),
  standardRubric("implementation", "Implementation", "Carrying learning into practice and sustaining it over time.", [
    {
      key: "support",
      prompt: "We get support while putting new practice in place.",
      levels: [
        "New practice is introduced once with no follow-up.",
        "Follow-up is available to those who seek it.",
        "Coaching or peer support continues while we put new practice in place.",
        "Support continues over months and is adjusted to what each of us needs.",
      ],
    },
    {
      key: "feedback",
      prompt: "We give and receive feedback on new practice.",
      levels: [
        "We rarely see each other teach or talk about practice.",
        "Feedback happens informally and now and then.",
        "We observe each other and give feedback on the practice we are learning.",
        "Feedback is regular, specific, welcomed and leads to changes we can see.",
      ],
    },
  ]),
  standardRubric("outcomes", "Outcomes", "Tying professional learning to what educators and students must achieve.", [
    {
      key: "standards",
      prompt: "Our learning is tied to what students must learn.",
      levels: [
        "Our learning topics are unrelated to the standards we teach.",
        "Some topics relate to our standards.",
        "Most of our learning is about teaching our essential standards well.",
        "Our learning starts from students' needs on our essential standards and returns to them.",
      ],
    },
    {
      key: "growth",
      prompt: "Our learning builds over time toward clear goals for our practice.",
      levels: [
        "Each session stands alone.",
        "Sessions follow a theme but do not build on each other.",
        "Sessions build toward goals for our practice over the year.",
        "Our learning builds across years, and each of us can say how our practice has grown.",
      ],
    },
  ]),
];
