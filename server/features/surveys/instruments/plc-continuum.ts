import { type BuiltInInstrument, rubricItem } from "./built-in";

const STAGES = ["Pre-initiating", "Initiating", "Implementing", "Developing", "Sustaining"] as const;
const SECTION = "PLC continuum";

/** A continuum item: five stages, each described in our own words. */
function stageItem(key: string, prompt: string, descriptors: readonly [string, string, string, string, string]) {
  return rubricItem(
    `continuum.${key}`,
    SECTION,
    prompt,
    descriptors.map((descriptor, index) => [STAGES[index] as string, descriptor] as const),
  );
}

/** Where a team stands as a professional learning community, from pre-initiating to sustaining. */
export const plcContinuum: BuiltInInstrument = {
  key: "plc-continuum",
  title: "PLC continuum",
  description: "Where our team stands on the core practices of a professional learning community, stage by stage.",
  items: [
    stageItem("focus", "We focus on learning rather than on teaching.", [
      "We have not discussed what students must learn as a team.",
      "We have named what students should learn but each teacher decides alone.",
      "We agree on essential learning and are starting to teach to it together.",
      "Our essential learning guides our planning, assessment and time.",
      "Everything we do starts from what students must learn, and we revisit it each year.",
    ]),
    stageItem("assessment", "We use common formative assessments.", [
      "We do not give common assessments.",
      "We give a shared test now and then without discussing results.",
      "We give common assessments and look at the results together.",
      "We use results to find who needs more time or extension and act within days.",
      "Common assessment drives our teaching, our interventions and our own learning.",
    ]),
    stageItem("collaboration", "We work as a collaborative team.", [
      "We meet rarely, and meetings are about logistics.",
      "We meet regularly but mostly share information.",
      "We follow norms and an agenda focused on student learning.",
      "We hold each other to our norms and work on real problems of practice.",
      "Our collaboration is how we work; new members learn it quickly from the team.",
    ]),
    stageItem("response", "We respond when students do not learn, or already have.", [
      "What happens depends on the teacher.",
      "Some extra help exists but is not planned by the team.",
      "The team plans time for intervention and extension.",
      "Support is timely, targeted to specific needs, and checked for effect.",
      "Every student gets more time or extension as needed, in a system the team keeps improving.",
    ]),
    stageItem("results", "We focus on results.", [
      "We do not set goals for student learning.",
      "We set goals but rarely check them.",
      "We set goals tied to student learning and check them during the year.",
      "Our goals are specific and measurable, and we change course based on them.",
      "We celebrate progress, learn from shortfalls and set the next goal from the evidence.",
    ]),
  ],
};
