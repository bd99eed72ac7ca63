import type { SurveyItem, SurveyItemWords } from "../../../../contract/surveys";
import { AGREEMENT_LEVELS, agreementItem, type BuiltInInstrument } from "./built-in";

/** The first level of professional learning's evaluation: how the people in it judged a meeting. Our own words. */
export const meetingFeedback: BuiltInInstrument = {
  key: "meeting-feedback",
  title: "Meeting feedback",
  description: "Four quick statements on a meeting just held, answered anonymously by those who were there.",
  audience: "meeting",
  items: [
    agreementItem("mf.students", "This meeting", "We spent our time on students' learning and work."),
    agreementItem("mf.use", "This meeting", "I leave with something I will use with my students this week."),
    agreementItem("mf.norms", "This meeting", "We kept our norms."),
    agreementItem("mf.voice", "This meeting", "Everyone's voice was heard."),
  ],
};

const PARTNERSHIP = "Our partnership";
const PARTNERSHIP_ES = "Nuestra colaboración";

/** The agreement scale in Spanish, for families, level by level as AGREEMENT_LEVELS. */
const AGREEMENT_ES: SurveyItemWords["levels"] = [
  { label: "Totalmente en desacuerdo", descriptor: "No describe mi experiencia." },
  { label: "En desacuerdo", descriptor: "Describe mi experiencia a veces." },
  { label: "De acuerdo", descriptor: "Describe mi experiencia casi siempre." },
  { label: "Totalmente de acuerdo", descriptor: "Describe mi experiencia siempre." },
];

/** The agreement scale as a family reads it in English: of their experience, not of "us". */
const AGREEMENT_FAMILY = AGREEMENT_LEVELS.map((level, index) => ({
  ...level,
  descriptor:
    [
      "This is not my experience.",
      "This is my experience now and then.",
      "This is my experience most of the time.",
      "This is my experience every time.",
    ][index] ?? level.descriptor,
}));

function familyItem(key: string, prompt: string, promptEs: string): SurveyItem {
  return {
    key,
    section: PARTNERSHIP,
    prompt,
    scale: "agreement",
    levels: AGREEMENT_FAMILY,
    translations: { es: { section: PARTNERSHIP_ES, prompt: promptEs, levels: AGREEMENT_ES } },
  };
}

/** What a school's families say of their partnership with it, in English and Spanish. Our own words. */
export const familyPartnership: BuiltInInstrument = {
  key: "family-partnership",
  title: "Family partnership",
  description: "Families of the school say how well the school keeps them informed and works with them.",
  audience: "families",
  items: [
    familyItem(
      "fp.learning",
      "I know what my child is learning at school this term.",
      "Sé lo que mi hijo o hija está aprendiendo en la escuela este trimestre.",
    ),
    familyItem(
      "fp.progress",
      "The school tells me how my child is doing, in words I understand.",
      "La escuela me dice cómo le va a mi hijo o hija, con palabras que entiendo.",
    ),
    familyItem(
      "fp.help",
      "When my child needs help, the school responds quickly.",
      "Cuando mi hijo o hija necesita ayuda, la escuela responde pronto.",
    ),
    familyItem(
      "fp.voice",
      "The school listens to what I know about my child.",
      "La escuela escucha lo que yo sé de mi hijo o hija.",
    ),
    familyItem(
      "fp.welcome",
      "I feel welcome at my child's school.",
      "Me siento bienvenido o bienvenida en la escuela de mi hijo o hija.",
    ),
  ],
};
