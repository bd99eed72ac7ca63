import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type GroupDetail, INTERVENTION_KIND_LABELS } from "../../../../contract/interventions";
import { ApiError } from "../../api/client";
import { now } from "../../clock";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { problemFromError } from "../../components/form-errors";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { NotFoundPage } from "../shell/NotFoundPage";
import { EditGroupForm } from "./EditGroupForm";
import { EntryPanels } from "./EntryPanel";
import { FactsList } from "./FactsList";
import { FlagBadge } from "./FlagBadge";
import { QuickScoreEntry, SessionEntry } from "./GroupEntryForms";
import { formatScore } from "./intervention-format";
import { groupQuery, useUpdateGroup } from "./interventions.api";

const route = getRouteApi("/signed-in/interventions/groups/$groupId");

/** A group: what it delivers, its students and how each is responding, and quick entry for the whole group. */
export function GroupPage() {
  const { groupId } = route.useParams();
  const group = useQuery(groupQuery(groupId));
  if (group.error instanceof ApiError && group.error.status === 404) return <NotFoundPage />;
  return (
    <QueryResult query={group} loadingLabel="Loading the group…" header={<PageHeader title="Group" />}>
      {(data) => <GroupView group={data} />}
    </QueryResult>
  );
}

function GroupView({ group }: { group: GroupDetail }) {
  const update = useUpdateGroup(group.id);
  const active = group.members.filter((m) => m.status === "active" && m.canRecordProgress);
  const isOpen = group.closedAt === null;
  const facts: [string, string][] = [
    ["Focus", group.focus || "—"],
    ["Strategy", [group.strategyResource?.title, group.strategy].filter(Boolean).join(" — ") || "—"],
    ["Delivered by", group.deliveredBy?.name ?? "—"],
    [
      "How often",
      [
        group.minutesPerSession ? `${group.minutesPerSession} minutes` : null,
        group.daysPerWeek ? `${group.daysPerWeek} days a week` : null,
        group.schedule || null,
      ]
        .filter(Boolean)
        .join(", ") || "—",
    ],
    [
      "Dates",
      `Started ${formatDay(group.startDate)}, review ${formatDay(group.reviewDate)}, goal by ${formatDay(group.goalDate)}`,
    ],
    ["Measure", group.measure],
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/communities/$communityId/interventions" params={{ communityId: group.communityId }}>
          ← {group.communityName}: interventions
        </Link>
      </p>
      <PageHeader
        title={group.name}
        description={`${INTERVENTION_KIND_LABELS[group.kind]} group · Tier ${group.tier}${isOpen ? "" : " · Closed"}`}
        actions={
          group.can.update ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={update.isPending}
              onClick={() => update.mutate({ closedAt: isOpen ? now().toISOString() : null })}
            >
              {isOpen ? "Close group" : "Reopen group"}
            </button>
          ) : null
        }
      />
      <FormAlert message={update.isError ? problemFromError(update.error).message : null} />
      {group.strategyResource ? (
        <p>
          Strategy in the library:{" "}
          <Link to="/library/$resourceId" params={{ resourceId: group.strategyResource.id }}>
            {group.strategyResource.title}
          </Link>
        </p>
      ) : null}
      <section className="panel" aria-labelledby="group-facts">
        <h2 id="group-facts">The plan</h2>
        <FactsList facts={facts} />
      </section>
      {group.can.update && isOpen ? <EditGroupForm group={group} /> : null}
      <section className="analysis-section" aria-labelledby="group-members">
        <h2 id="group-members">Students</h2>
        {group.members.length === 0 ? (
          <EmptyState title="No students you can see" headingLevel={3} />
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">The group's students and how each is responding</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col" className="cell-number">
                    Tier
                  </th>
                  <th scope="col" className="cell-number">
                    Baseline
                  </th>
                  <th scope="col" className="cell-number">
                    Goal
                  </th>
                  <th scope="col" className="cell-number">
                    Latest score
                  </th>
                  <th scope="col">Decision rule</th>
                  <th scope="col" className="cell-number">
                    Sessions attended
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.members.map((member) => (
                  <tr key={member.planId}>
                    <th scope="row">
                      <Link to="/interventions/plans/$planId" params={{ planId: member.planId }}>
                        {member.studentName}
                      </Link>
                      {member.status === "closed" ? <span className="muted"> (plan closed)</span> : null}
                    </th>
                    <td className="cell-number">{member.tier}</td>
                    <td className="cell-number">{formatScore(member.baseline)}</td>
                    <td className="cell-number">{formatScore(member.goal)}</td>
                    <td className="cell-number">
                      {formatScore(member.latestScore)}
                      {member.latestMeasuredOn ? (
                        <span className="muted"> ({formatDay(member.latestMeasuredOn)})</span>
                      ) : null}
                    </td>
                    <td>
                      <FlagBadge flag={member.flag} />
                    </td>
                    <td className="cell-number">
                      {member.sessionsPresent} of {member.sessionsHeld}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {active.length > 0 ? (
        <EntryPanels>
          <QuickScoreEntry groupId={group.id} members={active} measure={group.measure} />
          <SessionEntry groupId={group.id} members={active} minutesPerSession={group.minutesPerSession} />
        </EntryPanels>
      ) : null}
    </>
  );
}
