import { DateTime } from "luxon";
import type { LearningEvaluation, LearningFigures } from "../../../contract/learning-evaluation";
import { createPdf } from "../../reports/pdf-document";
import { type ReportSection, sectionsCsv, sectionsXlsx } from "../../reports/sections";

/** A day as a reader writes it ("1 August 2026"); the CSV and XLSX keep ISO days for spreadsheets. */
const day = (iso: string) => DateTime.fromISO(iso).toFormat("d LLLL yyyy");

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** The five levels, each a table of the teams and the scope's total, in the words the page uses. */
export function evaluationSections(evaluation: LearningEvaluation): ReportSection[] {
  const rows = [
    ...evaluation.teams.map((team) => ({ name: team.community.name, figures: team as LearningFigures })),
    { name: "All teams", figures: evaluation.totals },
  ];
  const table = (header: string[], cells: (f: LearningFigures) => (number | null)[]) => [
    ["Team", ...header],
    ...rows.map((row) => [row.name, ...cells(row.figures)]),
  ];
  return [
    {
      name: "1. Participation",
      note: `Team meetings from ${day(evaluation.scope.from)} to ${day(evaluation.scope.to)} (${evaluation.scope.weeks} weeks): scheduled and held, attendance marked present at the meetings held, minutes of collaborative learning (each meeting's length times the members present), and feedback asked on the meetings.`,
      rows: table(
        [
          "Educators",
          "Meetings scheduled",
          "Meetings held",
          "Attendance (%)",
          "Collaborative minutes",
          "Minutes per educator per week",
          "Feedback rounds",
          "Feedback answers",
        ],
        (f) => [
          f.educators,
          f.meetingsScheduled,
          f.meetingsHeld,
          percent(f.attendancePresent, f.attendanceMarked),
          f.collaborativeMinutes,
          f.minutesPerEducatorPerWeek,
          f.feedbackRounds,
          f.feedbackRespondents,
        ],
      ),
    },
    reactionsSection(evaluation.reactions),
    {
      name: "2. Learning",
      note: "What members logged in their improvement cycles' learning logs: study, coaching, visits, courses.",
      rows: table(["Entries", "Minutes", "Educators learning"], (f) => [
        f.learningEntries,
        f.learningMinutes,
        f.learners,
      ]),
    },
    {
      name: "3. Organisational support",
      note: "Classroom visits held by each team and coaching logged in its cycles.",
      rows: table(["Classroom visits held", "Coaching entries"], (f) => [f.visitsCompleted, f.coachingEntries]),
    },
    {
      name: "4. Implementation",
      note: "Strategies applied in classrooms, as members logged them, and how often it went well.",
      rows: table(["Applications logged", "Went well", "Strategies applied"], (f) => [
        f.implementations,
        f.implementationsWentWell,
        f.strategiesApplied,
      ]),
    },
    {
      name: "5. Student outcomes",
      note: "Improvement cycles completed in the period, with their students' targets that moved up a level from the cycle's baseline to its latest result, and the teams' goals due in the period that were met (measured on the students' results).",
      rows: table(["Cycles completed", "Student targets compared", "Moved up (%)", "Goals due", "Goals met"], (f) => [
        f.cyclesCompleted,
        f.studentTargetsMatched,
        percent(f.studentTargetsUp, f.studentTargetsMatched),
        f.goalsDue,
        f.goalsMet,
      ]),
    },
  ];
}

/** Reactions: how participants judged their meetings, all teams together, or why nothing is shown. */
function reactionsSection(reactions: LearningEvaluation["reactions"]): ReportSection {
  const name = "1. Reactions to meetings";
  if (reactions.suppressed) {
    return {
      name,
      note: "How participants judged their meetings, all teams together (anonymous).",
      rows: [
        [
          `${reactions.respondents} answers so far: nothing is shown until ${reactions.threshold} have answered, so no one's answers stand out.`,
        ],
      ],
    };
  }
  return {
    name,
    note: `${reactions.respondents} answers to the feedback asked on the period's meetings, all teams together (anonymous).`,
    rows: [
      ["Statement", "Answers", "Agree or strongly agree (%)", "Mean level (1 to 4)"],
      ...reactions.items.map((item) => [item.prompt, item.answers, percent(item.agree, item.answers), item.mean]),
    ],
  };
}

function titleRow(evaluation: LearningEvaluation) {
  const { scope } = evaluation;
  return ["Evaluation of professional learning", scope.label, "From", scope.from, "To", scope.to];
}

export function evaluationCsv(evaluation: LearningEvaluation): string {
  return sectionsCsv(titleRow(evaluation), evaluationSections(evaluation));
}

export function evaluationXlsx(evaluation: LearningEvaluation): Promise<Buffer> {
  return sectionsXlsx(evaluationSections(evaluation));
}

/** The board-ready report: a summary in plain words, two charts, then the five levels' tables. */
export function evaluationPdf(evaluation: LearningEvaluation): Promise<Buffer> {
  const { scope, totals, teams } = evaluation;
  const title = `Professional learning: ${scope.label}`;
  const pdf = createPdf(title);
  pdf.title(title);
  pdf.text(`${day(scope.from)} to ${day(scope.to)} (${scope.weeks} weeks) · printed ${day(scope.today)}`);
  pdf.heading("In short");
  const attendance = percent(totals.attendancePresent, totals.attendanceMarked);
  pdf.text(
    [
      `${teams.length} ${teams.length === 1 ? "team" : "teams"} of ${totals.educators} educators held ${totals.meetingsHeld} of the ${totals.meetingsScheduled} meetings they scheduled` +
        (attendance === null ? "." : `, with ${attendance}% attendance.`),
      totals.minutesPerEducatorPerWeek === null
        ? "No collaborative time can be counted per educator yet."
        : `Each educator spent on average ${totals.minutesPerEducatorPerWeek} minutes a week learning with their team.`,
      `Members logged ${totals.learningMinutes} minutes of learning, ${totals.visitsCompleted} classroom visits were held, and strategies were applied in classrooms ${totals.implementations} times.`,
      `${totals.cyclesCompleted} improvement ${totals.cyclesCompleted === 1 ? "cycle was" : "cycles were"} completed` +
        (totals.studentTargetsMatched > 0
          ? `, and in them ${totals.studentTargetsUp} of ${totals.studentTargetsMatched} students' targets moved up a level from the start;`
          : ";") +
        ` ${totals.goalsMet} of ${totals.goalsDue} team goals due were met.`,
    ].join(" "),
  );
  pdf.barChart({
    title: "Meetings scheduled and held, by team",
    series: [
      { name: "Scheduled", color: "#9db4d8" },
      { name: "Held", color: "#1f4e9c" },
    ],
    bars: teams.map((team) => ({ label: team.community.name, values: [team.meetingsScheduled, team.meetingsHeld] })),
  });
  pdf.barChart({
    title: "Minutes of collaborative learning per educator per week, by team",
    series: [{ name: "Minutes per educator per week", color: "#2e7d5b" }],
    bars: teams.map((team) => ({ label: team.community.name, values: [team.minutesPerEducatorPerWeek ?? 0] })),
  });
  for (const section of evaluationSections(evaluation)) {
    pdf.heading(section.name);
    if (section.note) pdf.text(section.note);
    pdf.table(section.rows, [3, ...(section.rows[0] ?? []).slice(1).map(() => 1.3)]);
  }
  return pdf.finish();
}
