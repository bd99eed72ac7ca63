import { Link } from "@tanstack/react-router";
import {
  EVIDENCE_LEVEL_LABELS,
  RESOURCE_KIND_LABELS,
  RESOURCE_SCOPE_LABELS,
  type Resource,
} from "../../../../contract/library";
import styles from "./ResourceCards.module.css";

/** "4.2 of 5 (6 ratings)" or "Not rated yet". */
export function describeUsefulness(resource: Resource): string {
  if (resource.averageUsefulness === null || resource.ratingCount === 0) return "Not rated yet";
  const ratings = `${resource.ratingCount} ${resource.ratingCount === 1 ? "rating" : "ratings"}`;
  return `${resource.averageUsefulness.toFixed(1)} of 5 (${ratings})`;
}

/** Where a resource is shared, naming the community or school. */
export function describeScope(resource: Resource): string {
  if (resource.scope === "community" && resource.communityName) return resource.communityName;
  if (resource.scope === "school" && resource.schoolName) return resource.schoolName;
  return RESOURCE_SCOPE_LABELS[resource.scope];
}

/** Resources as cards: title link, kind, where shared, tags, usefulness and uses. */
export function ResourceCards({ resources }: { resources: readonly Resource[] }) {
  return (
    <ul className="card-grid resource-cards">
      {resources.map((resource) => (
        <li key={resource.id} className="card">
          <h3>
            <Link to="/library/$resourceId" params={{ resourceId: resource.id }}>
              {resource.title}
            </Link>
          </h3>
          <p className="muted">
            {RESOURCE_KIND_LABELS[resource.kind]} · {describeScope(resource)}
            {resource.evidenceLevel ? ` · ${EVIDENCE_LEVEL_LABELS[resource.evidenceLevel]}` : null}
          </p>
          {resource.description ? <p className={styles.description}>{resource.description}</p> : null}
          {resource.tags.length ? (
            <ul className={styles.tags} aria-label="Tags">
              {resource.tags.map((tag) => (
                <li key={tag} className={styles.tag}>
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted">
            Usefulness: {describeUsefulness(resource)} · Used {resource.useCount}{" "}
            {resource.useCount === 1 ? "time" : "times"}
          </p>
        </li>
      ))}
    </ul>
  );
}
