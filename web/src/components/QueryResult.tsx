import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorNotice, Loading } from "./QueryStatus";

type QueryResultProps<T> = {
  query: UseQueryResult<T>;
  /** What is loading, said to screen readers ("Loading people…"). */
  loadingLabel?: string;
  /** Whether the answer holds nothing to show; then `empty` shows instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Stands above the loading line and the failure: the page's heading, which the data's own view draws once it is there. */
  header?: ReactNode;
  children: (data: T) => ReactNode;
};

/** Every query's states the same way: a polite loading line, the failure with "Try again", the empty state, the data. */
export function QueryResult<T>({ query, loadingLabel, isEmpty, empty, header, children }: QueryResultProps<T>) {
  if (query.isPending)
    return (
      <>
        {header}
        <Loading label={loadingLabel} />
      </>
    );
  if (query.isError)
    return (
      <>
        {header}
        <ErrorNotice error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
