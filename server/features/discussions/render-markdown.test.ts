import { describe, expect, it } from "vitest";
import { mentionedHandles, renderMarkdown } from "./render-markdown";

describe("discussion markdown", () => {
  it("renders the markdown people write", () => {
    expect(renderMarkdown("**Bold** and _em_\n\n- one\n- two")).toBe(
      "<p><strong>Bold</strong> and <em>em</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
    expect(renderMarkdown("See https://example.org/x")).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer nofollow">https://example.org/x</a>',
    );
  });

  it("lets no script, event handler or javascript: URL survive", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](  javascript:alert(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![x](javascript:alert(1))",
      '<svg onload="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      "[x](vbscript:msgbox(1))",
      "<a href='&#106;avascript:alert(1)'>x</a>",
      "[x](&#106;avascript:alert(1))",
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      // Escaped text may still read "onerror=" or "javascript:"; what matters is that no element carries it.
      expect(html, attack).not.toMatch(/<(script|iframe|svg|img|div|object|embed)\b/i);
      expect(html, attack).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      for (const href of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi))
        expect(href[1], attack).toMatch(/^(https?:|mailto:)/);
    }
  });

  it("finds @mentions by handle", () => {
    expect(mentionedHandles("Thanks @emily.chen and @Luis.Romero! (cc @a-b) not an@email.org")).toEqual([
      "emily.chen",
      "luis.romero",
      "a-b",
    ]);
  });
});
