import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in posts is escaped, not rendered; markdown-it also refuses javascript:, vbscript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** Turns a post's markdown into HTML that is safe to show: a second, allowlist pass guards the first. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), {
    allowedTags: [
      "p",
      "br",
      "strong",
      "em",
      "del",
      "s",
      "code",
      "pre",
      "blockquote",
      "ul",
      "ol",
      "li",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "hr",
      "a",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
    ],
    allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
  });
}

/** The @handles a post mentions (the part of a colleague's email address before the @). */
export function mentionedHandles(source: string): string[] {
  const handles = new Set<string>();
  for (const match of source.matchAll(/(?:^|[\s(])@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi)) {
    if (match[1]) handles.add(match[1].toLowerCase());
  }
  return [...handles];
}
