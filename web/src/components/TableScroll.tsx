import type { ReactNode } from "react";

/**
 * A table's frame that scrolls sideways on a narrow screen instead of widening the page, and that the keyboard
 * can reach so the columns out of view can be scrolled to.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls sideways on narrow screens
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
