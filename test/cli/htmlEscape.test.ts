import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/cli/htmlEscape.js";
import { conventionItems } from "../../src/cli/readmeConventions.js";

/** The inverse of escapeHtml, written independently (entity by entity, &amp; last). */
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("escapeHtml", () => {
  it("replaces the five characters that end text or a quoted attribute", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
    expect(escapeHtml("θ ↦ −θ, 2^n ≤ 1e-3")).toBe("θ ↦ −θ, 2^n ≤ 1e-3");
  });

  it("leaves no markup character and can be undone, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", ";", "#", "θ", " ") }), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        expect(unescape(e)).toBe(s);
      }),
      { seed: 1101, numRuns: 300 },
    );
  });
});

describe("conventionItems", () => {
  const md = "# x\n\n## Conventions\n\n- **Bit order.** row i is `0001` <b>\n  continued & more.\n- **Two.** `a<b`\n\n## Next\n- not this\n";

  it("takes the section's bullet items, continuation lines joined, inline code and bold kept, the rest escaped", () => {
    expect(conventionItems(md)).toEqual([
      "<strong>Bit order.</strong> row i is <code>0001</code> &lt;b&gt; continued &amp; more.",
      "<strong>Two.</strong> <code>a&lt;b</code>",
    ]);
  });

  it("throws when the section is missing", () => {
    expect(() => conventionItems("# x\n## Other\n- a\n")).toThrow(/no '## Conventions' section/);
  });
});
