import styles from "./Snippet.module.css";

/** Splits a search snippet at the server's « » markers; odd parts are the matches. Text only, never HTML. */
export function snippetParts(snippet: string): { text: string; isMatch: boolean }[] {
  const parts: { text: string; isMatch: boolean }[] = [];
  for (const [index, segment] of snippet.split(/«|»/).entries()) {
    if (segment) parts.push({ text: segment, isMatch: index % 2 === 1 });
  }
  return parts;
}

/** A snippet with its matches marked. */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className={styles.snippet}>
      {snippetParts(snippet).map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}
