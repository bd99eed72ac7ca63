import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { EVIDENCE_LEVEL_LABELS, RESOURCE_KIND_LABELS, type ResourceDetail } from "../../../../contract/library";
import { formatDateTime, formatFileSize } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { CommentsSection } from "./CommentsSection";
import { resourceQuery } from "./library.api";
import { RatingForm } from "./RatingForm";
import { ResourceActions } from "./ResourceActions";
import { describeScope, describeUsefulness } from "./ResourceCards";
import styles from "./ResourcePage.module.css";
import { UsesSection } from "./UsesSection";

const route = getRouteApi("/signed-in/library/$resourceId");

/** One resource: what it is, where to get it, how useful colleagues found it, and how they used it. */
export function ResourcePage() {
  const { resourceId } = route.useParams();
  const resource = useQuery(resourceQuery(resourceId));
  if (resource.isPending || resource.isError) {
    return (
      <>
        <p className="breadcrumb">
          <Link to="/library">← Library</Link>
        </p>
        <PageHeader title="Resource" />
        {resource.isPending ? (
          <Loading label="Loading the resource…" />
        ) : (
          <ErrorNotice error={resource.error} onRetry={() => resource.refetch()} />
        )}
      </>
    );
  }
  return <ResourceView key={resource.data.id} resource={resource.data} />;
}

function ResourceView({ resource }: { resource: ResourceDetail }) {
  return (
    <>
      <p className="breadcrumb">
        <Link to="/library">← Library</Link>
      </p>
      <PageHeader
        title={resource.title}
        description={`${RESOURCE_KIND_LABELS[resource.kind]} · shared with ${describeScope(resource)}`}
        actions={<ResourceActions resource={resource} />}
      />
      <section className="panel" aria-labelledby="resource-about">
        <h2 id="resource-about">About</h2>
        {resource.description ? <p className={styles.description}>{resource.description}</p> : null}
        {resource.url ? (
          <p>
            <a href={resource.url} rel="noopener noreferrer" target="_blank">
              Open the link<span className="visually-hidden"> (opens in a new tab)</span>
            </a>{" "}
            <span className={`muted ${styles.url}`}>{resource.url}</span>
          </p>
        ) : null}
        {resource.file ? (
          <p>
            <a href={`/api/v1/files/${resource.file.id}`} download={resource.file.name} className="button">
              Download {resource.file.name}
            </a>{" "}
            <span className="muted">{formatFileSize(resource.file.byteSize)}</span>
          </p>
        ) : null}
        <dl className="details">
          <dt>Shared by</dt>
          <dd>
            {resource.createdBy?.name ?? "Former member"} · {formatDateTime(resource.createdAt)}
          </dd>
          <dt>Tags</dt>
          <dd>{resource.tags.join(", ") || "—"}</dd>
          <dt>Grade levels</dt>
          <dd>{resource.gradeLevels.join(", ") || "—"}</dd>
          <dt>Subjects</dt>
          <dd>{resource.subjects.join(", ") || "—"}</dd>
          <dt>Usefulness</dt>
          <dd>{describeUsefulness(resource)}</dd>
          <dt>Uses</dt>
          <dd>{resource.useCount}</dd>
          {resource.kind === "strategy" ? <StrategyRecord resource={resource} /> : null}
        </dl>
      </section>
      {resource.can.rate ? <RatingForm resource={resource} /> : null}
      <UsesSection resource={resource} canRecord={resource.can.use === true} />
      <CommentsSection resource={resource} canComment={resource.can.comment === true} />
    </>
  );
}

/** A strategy's evidence as stated, and its record in the district's finished improvement cycles. */
function StrategyRecord({ resource }: { resource: ResourceDetail }) {
  const count = resource.finishedCycleCount;
  const gain = resource.finishedCycleMedianGain;
  return (
    <>
      <dt>Evidence</dt>
      <dd>
        {resource.evidenceLevel ? EVIDENCE_LEVEL_LABELS[resource.evidenceLevel] : "Not stated"}
        {resource.evidenceSource ? ` · ${resource.evidenceSource}` : null}
      </dd>
      {count !== null ? (
        <>
          <dt>In improvement cycles</dt>
          <dd>
            Used in {count} finished {count === 1 ? "cycle" : "cycles"}
            {gain !== null ? ` · in the median cycle, ${Math.round(gain)}% of students moved up a level` : null}
          </dd>
        </>
      ) : null}
    </>
  );
}
