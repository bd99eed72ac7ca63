import { useQuery } from "@tanstack/react-query";
import type { StandardHit } from "../../../../contract/standards";
import { EmptyState } from "../../components/EmptyState";
import { Pager } from "../../components/Pager";
import { QueryResult } from "../../components/QueryResult";
import { StandardCode } from "./StandardCode";
import styles from "./StandardSearchResults.module.css";
import { type StandardSearchParams, standardSearchQuery } from "./standards.api";

type StandardSearchResultsProps = {
  params: StandardSearchParams;
  selectedId: string | undefined;
  onSelect: (hit: StandardHit) => void;
  onPageChange: (page: number) => void;
};

/** Standards found by code or words across the district's frameworks, best first, a page at a time. */
export function StandardSearchResults({ params, selectedId, onSelect, onPageChange }: StandardSearchResultsProps) {
  const results = useQuery(standardSearchQuery(params));
  return (
    <QueryResult
      query={results}
      loadingLabel="Searching standards…"
      isEmpty={(data) => data.items.length === 0}
      empty={
        <EmptyState title="No standard matches" headingLevel={3}>
          <p>Try a code such as RL.3.1, or other words.</p>
        </EmptyState>
      }
    >
      {(data) => (
        <StandardHits
          items={data.items}
          total={data.total}
          params={params}
          selectedId={selectedId}
          onSelect={onSelect}
          onPageChange={onPageChange}
        />
      )}
    </QueryResult>
  );
}

type StandardHitsProps = StandardSearchResultsProps & { items: StandardHit[]; total: number };

function StandardHits({ items, total, params, selectedId, onSelect, onPageChange }: StandardHitsProps) {
  const byCode = items[0]?.match === "code";
  return (
    <>
      <p className="muted" aria-live="polite">
        {total} {total === 1 ? "standard" : "standards"} {byCode ? "with a code starting with" : "matching"} “{params.q}
        ”
      </p>
      <ol className={styles.results}>
        {items.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className={hit.id === selectedId ? `${styles.result} ${styles.selected}` : styles.result}
              aria-current={hit.id === selectedId ? "true" : undefined}
              onClick={() => onSelect(hit)}
            >
              {hit.code ? <StandardCode code={hit.code} /> : null}
              <span>{hit.statement}</span>
              <span className={styles.framework}>{hit.frameworkTitle}</span>
            </button>
          </li>
        ))}
      </ol>
      <Pager
        label="Search result pages"
        page={params.page}
        pageSize={params.pageSize}
        total={total}
        onPageChange={onPageChange}
      />
    </>
  );
}
