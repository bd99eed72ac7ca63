import type { ReactNode } from "react";

/** The search and filter controls above a list, announced as a search landmark. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: React's JSX types do not know the <search> element yet
    <div role="search" aria-label={label} className="filters">
      {children}
    </div>
  );
}
