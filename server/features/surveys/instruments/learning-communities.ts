import { agreementItem, type BuiltInInstrument } from "./built-in";

const IMPROVEMENT = "Continuous improvement";
const RESPONSIBILITY = "Collective responsibility";
const ALIGNMENT = "Alignment and accountability";

/** The three elements of learning communities, as statements a team rates itself on. Written in our own words. */
export const learningCommunities: BuiltInInstrument = {
  key: "learning-communities",
  title: "Learning communities",
  description:
    "How our team learns together: improving in cycles, owning every student's learning together, and tying our learning to school and district priorities.",
  items: [
    agreementItem(
      "lc.improvement.data",
      IMPROVEMENT,
      "We choose what to learn next by looking at our students' work and results.",
    ),
    agreementItem(
      "lc.improvement.cycle",
      IMPROVEMENT,
      "We try a change in our classrooms, check its effect, and adjust before moving on.",
    ),
    agreementItem(
      "lc.improvement.evaluate",
      IMPROVEMENT,
      "We judge our own learning by what changed for students, not by time spent.",
    ),
    agreementItem(
      "lc.responsibility.all",
      RESPONSIBILITY,
      "We talk about the students of the whole team as ours, not mine and yours.",
    ),
    agreementItem(
      "lc.responsibility.practice",
      RESPONSIBILITY,
      "We open our classrooms and share our work, including what did not go well.",
    ),
    agreementItem(
      "lc.responsibility.norms",
      RESPONSIBILITY,
      "We keep to the norms we agreed on and raise it when we do not.",
    ),
    agreementItem("lc.alignment.goals", ALIGNMENT, "Our team's goals connect to our school's and district's goals."),
    agreementItem(
      "lc.alignment.time",
      ALIGNMENT,
      "Our collaboration time is protected and used for the work we planned.",
    ),
    agreementItem(
      "lc.alignment.report",
      ALIGNMENT,
      "We share what we learned and achieved with our school's leaders and colleagues.",
    ),
  ],
};
