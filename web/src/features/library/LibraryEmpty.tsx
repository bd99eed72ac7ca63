import { EmptyState } from "../../components/EmptyState";

type LibraryEmptyProps = {
  isFiltered: boolean;
  /** Whether the reader may share resources (me.can.addResource): only then is adding offered. */
  mayAdd: boolean;
  onClearFilters: () => void;
  onAdd: () => void;
};

/**
 * What the library says when it lists nothing: no match for the filters, or nothing shared with this reader yet
 * (the library is seldom empty; what the reader may see is), offering to add only to those who may.
 */
export function LibraryEmpty({ isFiltered, mayAdd, onClearFilters, onAdd }: LibraryEmptyProps) {
  if (isFiltered) {
    return (
      <EmptyState
        title="No resource matches"
        headingLevel={3}
        action={
          <button type="button" className="button button-secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        }
      >
        <p>Try other words or fewer filters.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="Nothing has been shared with you yet"
      headingLevel={3}
      action={
        mayAdd ? (
          <button type="button" className="button button-secondary" onClick={onAdd}>
            Add resource
          </button>
        ) : null
      }
    >
      <p>
        {mayAdd
          ? "Resources your colleagues share with you, your teams or your school appear here. Share one of your own."
          : "Resources your teams share with you appear here."}
      </p>
    </EmptyState>
  );
}
