import {
  CsvImportInput,
  CsvInput,
  CsvPreview,
  ResultsGrid,
  ResultsInput,
  ResultsSaved,
} from "../../../contract/assessments";
import { IdParams } from "../../../contract/common";
import { recordAudit } from "../../audit/record-audit";
import { conflict, invalid } from "../../errors";
import { auditContextOf, requireActor } from "../../http/signed-in";
import type { App } from "../../types";
import { requireAssessment } from "./assessment-detail";
import { listRoster } from "./assessment-roster";
import type { AssessmentRow } from "./assessments.queries";
import { listItems } from "./assessments.queries";
import { auditResults, escapePointer, problemPointer, recordResults } from "./record-results";
import { type CsvProblem, mapCsvRows, mappingProblems, parseCsv, suggestMapping } from "./results-csv";
import { loadResultsGrid } from "./results-grid";

const MAX_REPORTED = 200;
// A class set of results is small; a CSV of a whole grade, with responses, stays well under this.
const RESULTS_BODY_LIMIT = 8 * 1024 * 1024;

function csvPointer(problem: CsvProblem): string {
  if (problem.line === null) return "/body/csv";
  return `/body/csv/lines/${problem.line}${problem.column ? `/${escapePointer(problem.column)}` : ""}`;
}

function csvDetail(problem: CsvProblem): string {
  const where = [
    problem.line !== null ? `Line ${problem.line}` : null,
    problem.column ? `column “${problem.column}”` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

function refuseCsv(problems: CsvProblem[]): never {
  invalid(
    `${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the file; nothing was recorded.`,
    problems.slice(0, MAX_REPORTED).map((p) => ({ pointer: csvPointer(p), detail: csvDetail(p) })),
  );
}

/** A closed assessment's results are the team's record: they change only after someone reopens it. */
function refuseIfClosed(row: AssessmentRow) {
  if (row.status === "closed") {
    conflict("This assessment is closed, so its results are locked. Reopen it to change them; nothing was recorded.");
  }
}

/** Results of an assessment: the grid to read and fill in, and a CSV upload with a column-mapping step. */
export async function resultsRoutes(app: App) {
  app.get(
    "/assessments/:id/results",
    { config: { policy: "assessment.analyze" }, schema: { params: IdParams, response: { 200: ResultsGrid } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.analyze");
      const grid = await loadResultsGrid(app.db, actor, row);
      await recordAudit(app.db, request, {
        action: "assessment.results.read",
        subjectType: "assessment",
        subjectId: row.id,
        details: { students: grid.classes.reduce((sum, c) => sum + c.students.length, 0) },
      });
      return grid;
    },
  );

  app.put(
    "/assessments/:id/results",
    {
      bodyLimit: RESULTS_BODY_LIMIT,
      config: { policy: "assessment.enterResults" },
      schema: { params: IdParams, body: ResultsInput, response: { 200: ResultsSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.enterResults");
      refuseIfClosed(row);
      const outcome = await recordResults(
        app.db,
        actor,
        row,
        request.body.rows,
        auditResults(auditContextOf(request), row.id, "grid"),
      );
      if (!outcome.ok) {
        invalid(
          "Some results are not valid; nothing was recorded.",
          outcome.problems.slice(0, MAX_REPORTED).map((p) => ({ pointer: problemPointer(p), detail: p.message })),
        );
      }
      return { students: outcome.students, scores: outcome.scores };
    },
  );

  app.post(
    "/assessments/:id/results/csv-preview",
    {
      bodyLimit: RESULTS_BODY_LIMIT,
      config: { policy: "assessment.enterResults" },
      schema: { params: IdParams, body: CsvInput, response: { 200: CsvPreview } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.enterResults");
      refuseIfClosed(row);
      const parsed = parseCsv(request.body.csv);
      if ("problems" in parsed) refuseCsv(parsed.problems);
      const { headers, rows } = parsed.table;
      return {
        headers,
        rows: rows.slice(0, 10).map((r) => r.cells),
        rowCount: rows.length,
        suggested: suggestMapping(headers, await listItems(app.db, row.id)),
      };
    },
  );

  app.post(
    "/assessments/:id/results/csv",
    {
      bodyLimit: RESULTS_BODY_LIMIT,
      config: { policy: "assessment.enterResults" },
      schema: { params: IdParams, body: CsvImportInput, response: { 200: ResultsSaved } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await requireAssessment(app.db, actor, request.params.id, "assessment.enterResults");
      refuseIfClosed(row);
      const parsed = parseCsv(request.body.csv);
      if ("problems" in parsed) refuseCsv(parsed.problems);
      const items = await listItems(app.db, row.id);
      const badMapping = mappingProblems(parsed.table, request.body.mapping, items);
      if (badMapping.length) invalid("The mapping does not fit the file.", badMapping);
      const roster = await listRoster(app.db, actor, row.id);
      const mapped = mapCsvRows(parsed.table, request.body.mapping, items, roster);
      if (mapped.problems.length) refuseCsv(mapped.problems);
      if (!mapped.rows.length) refuseCsv([{ line: null, column: null, message: "The file has no rows of results." }]);
      const outcome = await recordResults(
        app.db,
        actor,
        row,
        mapped.rows,
        auditResults(auditContextOf(request), row.id, "csv"),
      );
      if (!outcome.ok) {
        refuseCsv(
          outcome.problems.map((p) => ({ line: mapped.lines[p.row] ?? null, column: null, message: p.message })),
        );
      }
      return { students: outcome.students, scores: outcome.scores };
    },
  );
}
