/**
 * A post's HTML as the server rendered it from Markdown. The server sanitizes it with an allowlist (no
 * scripts, handlers or javascript: links); the raw `body` is never rendered as HTML.
 */
export function PostBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is sanitized on the server with an allowlist
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
