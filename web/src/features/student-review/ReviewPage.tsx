import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import type { ReviewItem } from "../../../../contract/student-review";
import { EmptyState } from "../../components/EmptyState";
import { CheckboxField } from "../../components/Field";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { FlagBadge } from "../interventions/FlagBadge";
import { meetingQuery } from "../meetings/meetings.api";
import styles from "./ReviewPage.module.css";
import { ReviewPlanPanel, reasonsFlagged } from "./ReviewPlanPanel";
import { reviewListQuery } from "./student-review.api";

const route = getRouteApi("/signed-in/communities/$communityId/review");

/**
 * The team's student review: the flagged plans, then a walk through them one by one, recording a decision
 * on each. The walk keeps the list it started with, so students do not shift while the team decides.
 */
export function ReviewPage() {
  const { communityId } = route.useParams();
  const { meetingId } = route.useSearch();
  const [isAll, setIsAll] = useState(false);
  const list = useQuery(reviewListQuery(communityId, isAll));
  const [walk, setWalk] = useState<{ items: ReviewItem[]; index: number } | null>(null);
  const [isDone, setIsDone] = useState(false);
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const meeting = useQuery({ ...meetingQuery(meetingId ?? ""), enabled: Boolean(meetingId) });
  const meetingNote = meeting.data ? (
    <p className="notice notice-info">
      Decisions are recorded as part of the meeting{" "}
      <Link to="/meetings/$meetingId" params={{ meetingId: meeting.data.id }}>
        {meeting.data.title}
      </Link>
      .
    </p>
  ) : null;

  function moveTo(index: number) {
    setWalk((current) => (current ? { ...current, index } : current));
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  async function finish() {
    setWalk(null);
    setIsDone(true);
    await queryClient.invalidateQueries({ queryKey: ["student-review", "list", communityId] });
  }

  if (walk) {
    const item = walk.items[walk.index];
    const isLast = walk.index === walk.items.length - 1;
    return (
      <section aria-labelledby="review-walk-heading">
        <PageHeader title="Student review" />
        {meetingNote}
        <h2 id="review-walk-heading" ref={headingRef} tabIndex={-1}>
          Student {walk.index + 1} of {walk.items.length}
        </h2>
        <nav aria-label="Review walk-through" className={styles.buttonRow}>
          <button
            type="button"
            className="button button-secondary"
            disabled={walk.index === 0}
            onClick={() => moveTo(walk.index - 1)}
          >
            Previous
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => (isLast ? finish() : moveTo(walk.index + 1))}
          >
            {isLast ? "Finish review" : "Next"}
          </button>
        </nav>
        {item ? (
          <ReviewPlanPanel
            item={item}
            meetingId={meetingId}
            onDecided={() => (isLast ? finish() : moveTo(walk.index + 1))}
          />
        ) : null}
      </section>
    );
  }

  return (
    <>
      <PageHeader
        title="Student review"
        description="Plans the decision rule flags (adjust first, then consider exit), plans overdue for review, and students with unread notes from family."
      />
      {meetingNote}
      {isDone ? (
        <p role="status" className="notice notice-success">
          Review finished. The list below shows what is still flagged.
        </p>
      ) : null}
      <CheckboxField
        label="Show every active plan, not only flagged ones"
        checked={isAll}
        onChange={(event) => setIsAll(event.target.checked)}
      />
      <QueryResult
        query={list}
        loadingLabel="Loading the review list…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={isAll ? "No active plans" : "Nobody is flagged for review"}>
            <p>Plans appear here when their scores call for a decision, their review is due, or a family writes.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                setIsDone(false);
                setWalk({ items: data.items, index: 0 });
                requestAnimationFrame(() => headingRef.current?.focus());
              }}
            >
              Start review ({data.items.length} {data.items.length === 1 ? "student" : "students"})
            </button>
            {data.total > data.items.length ? (
              <p className="muted">
                Showing the {data.items.length} most urgent of {data.total} plans: {data.counts.adjust} to adjust,{" "}
                {data.counts.considerExit} to consider for exit, {data.counts.overdue} overdue for review,{" "}
                {data.counts.notes} with notes from family. Plans leave this list as the team decides on them.
              </p>
            ) : null}
            <ReviewTable items={data.items} />
          </>
        )}
      </QueryResult>
    </>
  );
}

function ReviewTable({ items }: { items: ReviewItem[] }) {
  return (
    <TableScroll label="Plans to review">
      <table className="data-table">
        <caption>Plans to review</caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Tier</th>
            <th scope="col">Group</th>
            <th scope="col">Review date</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.planId}>
              <td>
                <Link to="/students/$studentId" params={{ studentId: item.student.id }}>
                  {item.student.name}
                </Link>
              </td>
              <td>
                {item.tier} {item.kind === "extension" ? "(extension)" : ""}
              </td>
              <td>{item.group?.name ?? "—"}</td>
              <td>{formatDay(item.reviewDate)}</td>
              <td>
                <FlagBadge flag={item.flag} /> {reasonsFlagged(item).join(" · ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
