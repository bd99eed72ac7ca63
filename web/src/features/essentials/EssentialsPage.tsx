import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { useCommunity } from "../communities/CommunityLayout";
import { AddEssentialForm } from "./AddEssentialForm";
import { EssentialCard } from "./EssentialCard";
import { formatSpan, groupByUnit } from "./essential-units";
import { essentialsQuery } from "./essentials.api";

/** The team's answer to "What do we want each student to learn?": essential standards, unit by unit. */
export function EssentialsPage() {
  const community = useCommunity();
  const essentials = useQuery(essentialsQuery(community.id));
  return (
    <>
      <PageHeader
        title="Essential standards"
        description="What we want each student to learn: the standards the team chose, unpacked into learning targets, each with its proficiency scale."
      />
      <QueryResult query={essentials} loadingLabel="Loading the essential standards…">
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <EmptyState title="No essential standards yet">
                <p>Pick the standards every student must learn in each unit, then unpack each into learning targets.</p>
              </EmptyState>
            ) : null}
            {groupByUnit(data.items).map((unit) => {
              const headingId = `unit-${unit.key.replace(/[^\w-]/g, "_")}`;
              return (
                <section key={unit.key} className="section" aria-labelledby={headingId}>
                  <h2 id={headingId}>{unit.title || "Without a unit"}</h2>
                  {formatSpan(unit.startsOn, unit.endsOn) ? (
                    <p className="muted">{formatSpan(unit.startsOn, unit.endsOn)}</p>
                  ) : null}
                  {unit.items.map((essential) => (
                    <EssentialCard key={essential.id} essential={essential} />
                  ))}
                </section>
              );
            })}
            {data.can.manage ? (
              <section className="panel">
                <AddEssentialForm communityId={community.id} lastUnit={lastUnitOf(data.items)} />
              </section>
            ) : null}
          </>
        )}
      </QueryResult>
    </>
  );
}

function lastUnitOf(
  items: { unitTitle: string; grade: string | null; startsOn: string | null; endsOn: string | null }[],
) {
  const last = items.at(-1);
  if (!last) return null;
  return {
    unitTitle: last.unitTitle,
    grade: last.grade ?? "",
    startsOn: last.startsOn ?? "",
    endsOn: last.endsOn ?? "",
    rationale: "",
  };
}
