import { useQuery } from "@tanstack/react-query";
import { gradeLabel } from "../../../../contract/standards";
import type { Child } from "../../../../contract/students";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useMe } from "../auth/me.api";
import { familyChildrenQuery } from "./family.api";
import "../analysis/analysis.css";

/** The family view: each of one's own children and where they are on each learning goal, in plain words. */
export function FamilyPage() {
  const me = useMe();
  const children = useQuery({ ...familyChildrenQuery, enabled: me.can.readOwnChildren });
  if (!me.can.readOwnChildren) {
    return (
      <>
        <PageHeader title="My children" />
        <p>This page is for family members whose account is linked to their children.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="My children"
        description="The learning goals your child's teachers are working on, and what your child has shown so far."
      />
      {children.isPending ? (
        <Loading label="Loading…" />
      ) : children.isError ? (
        <ErrorNotice error={children.error} onRetry={() => children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <EmptyState title="No children linked to your account">
          <p>Ask your child's school to link your account to your child.</p>
        </EmptyState>
      ) : (
        children.data.items.map((child) => <ChildSection key={child.id} child={child} />)
      )}
    </>
  );
}

function ChildSection({ child }: { child: Child }) {
  const facts = [child.grade ? `Grade ${gradeLabel(child.grade)}` : null, child.schoolName].filter(Boolean);
  return (
    <section className="panel" aria-labelledby={`child-${child.id}`}>
      <h2 id={`child-${child.id}`}>{child.name}</h2>
      {facts.length > 0 ? <p className="muted">{facts.join(" · ")}</p> : null}
      {child.targets.length === 0 ? (
        <p>There is nothing to show yet. Goals appear here after your child's first class check on them.</p>
      ) : (
        <ul className="child-targets">
          {child.targets.map((target) => (
            <li key={target.targetId} className={`child-target child-target-${target.status}`}>
              <p className="child-target-statement">{target.statement}</p>
              <p className="child-target-sentence">
                {target.sentence}
                {target.lastAssessedOn ? (
                  <span className="muted"> (checked {formatDay(target.lastAssessedOn)})</span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
