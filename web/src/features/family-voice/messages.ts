import type { FamilyLanguage, SupportProgress } from "../../../../contract/family-voice";

type ChildStatus = "working_toward" | "shown" | "beyond";

/** Every piece of text on the family pages, so each language has the same things to say. */
export type FamilyMessages = {
  languageName: string;
  languageLabel: string;
  languageNotSaved: string;
  pageTitle: string;
  pageDescription: string;
  notFamily: string;
  loading: string;
  loadFailed: string;
  tryAgain: string;
  noChildrenTitle: string;
  noChildrenBody: string;
  grade: (grade: string) => string;
  learningHeading: (firstName: string) => string;
  nothingYet: string;
  status: Record<ChildStatus, (firstName: string) => string>;
  checkedOn: (date: string) => string;
  supportHeading: string;
  noSupport: string;
  currentSupport: string;
  pastSupport: string;
  kind: { intervention: string; extension: string };
  focusLabel: string;
  strategyLabel: string;
  howOftenLabel: string;
  howOften: (minutes: number | null, daysPerWeek: number | null) => string;
  withLabel: string;
  sinceLabel: string;
  progressLabel: string;
  progress: Record<SupportProgress, (goalDate: string) => string>;
  latestCheck: (date: string, score: string, goal: string) => string;
  measureLabel: string;
  sendNoteHeading: string;
  noteLabel: string;
  noteHint: string;
  send: string;
  sending: string;
  noteSent: string;
  noteEmpty: string;
  noteTooLong: string;
  sentNotesHeading: string;
  noteRead: string;
  noteUnread: string;
  answeredBy: (name: string, day: string) => string;
  surveysHeading: string;
  surveyHeading: (school: string, closesOn: string) => string;
  surveyAnonymous: string;
  surveyChooseOne: string;
  surveySubmit: string;
  surveyThanks: (school: string) => string;
};

const en: FamilyMessages = {
  languageName: "English",
  languageLabel: "Language",
  languageNotSaved: "Your choice of language could not be saved; it applies on this visit only.",
  pageTitle: "My children",
  pageDescription: "What your child is learning, where they are, and the support the school is giving.",
  notFamily: "This page is for family members whose account is linked to their children.",
  loading: "Loading…",
  loadFailed: "This could not be loaded.",
  tryAgain: "Try again",
  noChildrenTitle: "No children linked to your account",
  noChildrenBody: "Ask your child's school to link your account to your child.",
  grade: (grade) => `Grade ${grade}`,
  learningHeading: (name) => `What ${name} is learning`,
  nothingYet: "There is nothing to show yet. Goals appear here after your child's first class check on them.",
  status: {
    working_toward: (name) => `${name} is working toward this goal.`,
    shown: (name) => `${name} has shown they can do this.`,
    beyond: (name) => `${name} has shown they can do this, and more.`,
  },
  checkedOn: (date) => `checked ${date}`,
  supportHeading: "The support the school is giving",
  noSupport: "There is no extra support planned right now.",
  currentSupport: "Now",
  pastSupport: "Earlier",
  kind: { intervention: "Extra help", extension: "Extra challenge" },
  focusLabel: "Working on",
  strategyLabel: "How",
  howOftenLabel: "How often",
  howOften: (minutes, days) =>
    [minutes ? `${minutes} minutes` : null, days ? `${days} ${days === 1 ? "day" : "days"} a week` : null]
      .filter(Boolean)
      .join(", ") || "As planned by the team",
  withLabel: "With",
  sinceLabel: "Since",
  progressLabel: "How it is going",
  progress: {
    too_early: () => "It is too early to tell. The team needs a few more checks.",
    on_track: (date) => `On track to reach the goal by ${date}.`,
    not_yet_on_track: (date) => `Not yet on track to reach the goal by ${date}. The team is watching closely.`,
    reviewing: () => "Not yet on track — the team is reviewing the plan.",
    met: () => "The goal was reached.",
    not_met: () => "The goal was not reached; the team chose another way to help.",
    ended: () => "This support has ended.",
  },
  latestCheck: (date, score, goal) => `Latest check (${date}): ${score}. Goal: ${goal}.`,
  measureLabel: "Measured by",
  sendNoteHeading: "Send a note to the team",
  noteLabel: "Your note",
  noteHint: "Your child's teachers will read it. Up to 2,000 characters.",
  send: "Send note",
  sending: "Sending…",
  noteSent: "Your note was sent to the team.",
  noteEmpty: "Write your note first.",
  noteTooLong: "Keep the note under 2,000 characters.",
  sentNotesHeading: "Notes you sent",
  noteRead: "Read by the team",
  noteUnread: "Not read yet",
  answeredBy: (name, day) => `Answer from ${name || "the school"}, ${day}`,
  surveysHeading: "A survey from your child's school",
  surveyHeading: (school, closesOn) => `${school}: your answers (open until ${closesOn})`,
  surveyAnonymous:
    "Your answers are anonymous: they are kept without your name, and the school sees only how many families chose each answer, once enough have answered.",
  surveyChooseOne: "Choose one answer.",
  surveySubmit: "Send my answers",
  surveyThanks: (school) => `Thank you: your answers to ${school}'s survey were received.`,
};

const es: FamilyMessages = {
  languageName: "Español",
  languageLabel: "Idioma",
  languageNotSaved: "No se pudo guardar el idioma elegido; se usa solo en esta visita.",
  pageTitle: "Mis hijos",
  pageDescription: "Lo que su hijo o hija está aprendiendo, cómo va y el apoyo que le da la escuela.",
  notFamily: "Esta página es para familiares cuya cuenta está vinculada con sus hijos.",
  loading: "Cargando…",
  loadFailed: "No se pudo cargar.",
  tryAgain: "Intentar de nuevo",
  noChildrenTitle: "No hay hijos vinculados a su cuenta",
  noChildrenBody: "Pida a la escuela de su hijo o hija que vincule su cuenta.",
  grade: (grade) => `Grado ${grade}`,
  learningHeading: (name) => `Lo que ${name} está aprendiendo`,
  nothingYet: "Todavía no hay nada que mostrar. Las metas aparecen aquí después de la primera evaluación en clase.",
  status: {
    working_toward: (name) => `${name} está trabajando para alcanzar esta meta.`,
    shown: (name) => `${name} ha demostrado que puede hacerlo.`,
    beyond: (name) => `${name} ha demostrado que puede hacerlo, y más.`,
  },
  checkedOn: (date) => `revisado el ${date}`,
  supportHeading: "El apoyo que da la escuela",
  noSupport: "Ahora mismo no hay apoyo adicional planificado.",
  currentSupport: "Ahora",
  pastSupport: "Antes",
  kind: { intervention: "Ayuda adicional", extension: "Reto adicional" },
  focusLabel: "Trabaja en",
  strategyLabel: "Cómo",
  howOftenLabel: "Con qué frecuencia",
  howOften: (minutes, days) =>
    [minutes ? `${minutes} minutos` : null, days ? `${days} ${days === 1 ? "día" : "días"} por semana` : null]
      .filter(Boolean)
      .join(", ") || "Según lo planificado por el equipo",
  withLabel: "Con",
  sinceLabel: "Desde",
  progressLabel: "Cómo va",
  progress: {
    too_early: () => "Todavía es pronto para saberlo. El equipo necesita algunas revisiones más.",
    on_track: (date) => `Va bien encaminado para alcanzar la meta antes del ${date}.`,
    not_yet_on_track: (date) =>
      `Todavía no va encaminado para alcanzar la meta antes del ${date}. El equipo lo sigue de cerca.`,
    reviewing: () => "Todavía no va encaminado: el equipo está revisando el plan.",
    met: () => "Se alcanzó la meta.",
    not_met: () => "No se alcanzó la meta; el equipo eligió otra forma de ayudar.",
    ended: () => "Este apoyo ha terminado.",
  },
  latestCheck: (date, score, goal) => `Última revisión (${date}): ${score}. Meta: ${goal}.`,
  measureLabel: "Se mide con",
  sendNoteHeading: "Enviar una nota al equipo",
  noteLabel: "Su nota",
  noteHint: "Los maestros de su hijo o hija la leerán. Hasta 2000 caracteres.",
  send: "Enviar nota",
  sending: "Enviando…",
  noteSent: "Su nota fue enviada al equipo.",
  noteEmpty: "Escriba su nota primero.",
  noteTooLong: "La nota debe tener menos de 2000 caracteres.",
  sentNotesHeading: "Notas que envió",
  noteRead: "Leída por el equipo",
  noteUnread: "Aún no leída",
  answeredBy: (name, day) => `Respuesta de ${name || "la escuela"}, ${day}`,
  surveysHeading: "Una encuesta de la escuela de su hijo o hija",
  surveyHeading: (school, closesOn) => `${school}: sus respuestas (abierta hasta el ${closesOn})`,
  surveyAnonymous:
    "Sus respuestas son anónimas: se guardan sin su nombre, y la escuela solo ve cuántas familias eligieron cada respuesta, cuando hayan respondido suficientes.",
  surveyChooseOne: "Elija una respuesta.",
  surveySubmit: "Enviar mis respuestas",
  surveyThanks: (school) => `Gracias: recibimos sus respuestas a la encuesta de ${school}.`,
};

export const familyMessages: Record<FamilyLanguage, FamilyMessages> = { en, es };

/** The family pages' language: the person's preferred one when we have it, English otherwise. */
export function familyLanguageOf(preferred: string | null | undefined): FamilyLanguage {
  return preferred?.toLowerCase().startsWith("es") ? "es" : "en";
}

/** A calendar date ("2026-12-12") written out in the chosen language: "12 December 2026", "12 de diciembre de 2026". */
export function formatFamilyDay(isoDate: string, language: FamilyLanguage): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(language === "es" ? "es" : "en-GB", { dateStyle: "long" }).format(
    new Date(year, month - 1, day),
  );
}

/** A number the way the chosen language writes it (decimal comma in Spanish). */
export function formatFamilyNumber(value: number, language: FamilyLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}
