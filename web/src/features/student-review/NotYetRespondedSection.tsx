import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { NotYetRespondedItem } from "../../../../contract/student-review";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { formatDay } from "../../components/format";
import { QueryResult } from "../../components/QueryResult";
import { notYetRespondedQuery, useSetResponseDays } from "./student-review.api";

type AssessmentGroup = { id: string; title: string; givenOn: string; items: NotYetRespondedItem[] };

function byAssessment(items: readonly NotYetRespondedItem[]): AssessmentGroup[] {
  const groups = new Map<string, AssessmentGroup>();
  for (const item of items) {
    const group = groups.get(item.assessment.id) ?? { ...item.assessment, givenOn: item.givenOn, items: [] };
    group.items.push(item);
    groups.set(item.assessment.id, group);
  }
  return [...groups.values()];
}

/**
 * "Not yet responded to" on the team's home page: students below proficiency on a team assessment with no
 * intervention plan on the target (active on the assessment's day or started since), once the team's response
 * days have passed. Each assessment links to its analysis to make a group.
 */
export function NotYetRespondedSection({ communityId, canUpdate }: { communityId: string; canUpdate: boolean }) {
  const list = useQuery(notYetRespondedQuery(communityId));
  return (
    <section className="panel" aria-labelledby="not-yet-responded">
      <h2 id="not-yet-responded">
        Not yet responded to{list.data ? ` (${new Set(list.data.items.map((i) => i.student.id)).size})` : ""}
      </h2>
      <QueryResult query={list} loadingLabel="Loading students not yet responded to…">
        {(data) => (
          <>
            <p className="muted">
              Students below proficiency on a team assessment given at least {data.responseDays} school days ago, with
              the targets nobody has responded to yet. A student counts as responded to on a target when they have an
              intervention plan on that target (or a plan naming no target) that was active on the day of the assessment
              or started after it, with any team. A target scored on only some of its items is not counted.
            </p>
            {data.items.length === 0 ? (
              <p>Every student below proficiency has a plan. Nobody is waiting.</p>
            ) : (
              byAssessment(data.items).map((group) => <AssessmentStudents key={group.id} group={group} />)
            )}
            {canUpdate ? <ResponseDaysForm communityId={communityId} current={data.responseDays} /> : null}
          </>
        )}
      </QueryResult>
    </section>
  );
}

const SHOWN_AT_FIRST = 8;

/** One assessment's students without a response; a long list opens on request. */
function AssessmentStudents({ group }: { group: AssessmentGroup }) {
  const [isOpen, setIsOpen] = useState(false);
  const shown = isOpen ? group.items : group.items.slice(0, SHOWN_AT_FIRST);
  return (
    <div>
      <h3>
        {group.title} <span className="muted">(given {formatDay(group.givenOn)})</span>
      </h3>
      <ul className="link-list">
        {shown.map((item) => (
          <li key={item.student.id}>
            <Link to="/students/$studentId" params={{ studentId: item.student.id }}>
              {item.student.name}
            </Link>{" "}
            — {item.targets.map((target) => target.statement).join(" · ")} ({item.schoolDaysSince} school days)
          </li>
        ))}
      </ul>
      {group.items.length > SHOWN_AT_FIRST ? (
        <button type="button" className="button button-secondary" onClick={() => setIsOpen(!isOpen)}>
          {isOpen ? "Show fewer" : `Show all ${group.items.length} students`}
        </button>
      ) : null}
      <p>
        <Link to="/assessments/$assessmentId/analysis" params={{ assessmentId: group.id }}>
          Open the analysis of {group.title} to create a group
        </Link>
      </p>
    </div>
  );
}

function ResponseDaysForm({ communityId, current }: { communityId: string; current: number }) {
  const save = useSetResponseDays(communityId);
  const [value, setValue] = useState(String(current));
  const [error, setError] = useState<string | undefined>();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1 || days > 60) return setError("Enter a whole number from 1 to 60.");
    setError(undefined);
    try {
      await save.mutateAsync(days);
    } catch {
      setError("Could not save. Try again.");
    }
  }

  return (
    <form onSubmit={handleSubmit} className="inline-form" noValidate>
      <TextField
        label="School days to respond"
        hint="How many school days after an assessment before a student without a plan shows here."
        type="number"
        min={1}
        max={60}
        value={value}
        error={error}
        onChange={(event) => setValue(event.target.value)}
      />
      <FormAlert message={save.isSuccess ? "Saved." : null} tone="success" />
      <button type="submit" className="button button-secondary" disabled={save.isPending}>
        Save
      </button>
    </form>
  );
}
