import { useEffect, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * A search box that narrows a list as one types: returns the box's text and its setter, and hands the trimmed text
 * (undefined when blank) to `onSettle` once typing pauses and it differs from the list's current `search`.
 */
export function useDebouncedSearch(
  search: string | undefined,
  onSettle: (search: string | undefined) => void,
  delayMs = 300,
): [string, (text: string) => void] {
  const [text, setText] = useState(search ?? "");
  const settled = useDebouncedValue(text.trim(), delayMs);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text should change the list
  useEffect(() => {
    if (settled !== (search ?? "")) onSettle(settled || undefined);
  }, [settled]);

  return [text, setText];
}
