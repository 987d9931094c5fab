/**
 * The README's "Conventions" section (bit order, hex, encodings, output rule, parameters), read from
 * the shipped README.md so that the report page states exactly what the documentation states.
 */
import { readFileSync } from "node:fs";
import { escapeHtml } from "./htmlEscape.js";

/** The README beside package.json (dist/cli and src/cli are both two levels down). */
const README = new URL("../../README.md", import.meta.url);

/** Markdown's inline `code` and **bold** in one escaped line, as HTML. */
function inlineHtml(markdown: string): string {
  return markdown
    .split("`")
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")))
    .join("");
}

/**
 * The bullet items of the `## Conventions` section of `markdown`, each as HTML (inline code and bold
 * kept, everything else escaped).
 * @throws Error when the section or its items are missing (the README ships with the package).
 */
export function conventionItems(markdown: string): string[] {
  const section = /^## Conventions\n([\s\S]*?)(?=^## )/m.exec(markdown);
  if (!section) throw new Error("README.md has no '## Conventions' section");
  const items: string[] = [];
  for (const line of section[1].split("\n")) {
    if (line.startsWith("- ")) items.push(line.slice(2).trim());
    else if (/^\s+\S/.test(line) && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  if (items.length === 0) throw new Error("README.md's Conventions section has no items");
  return items.map(inlineHtml);
}

/** The Conventions items of the package's own README.md, as HTML. @throws Error when it cannot be read. */
export function readmeConventions(): string[] {
  return conventionItems(readFileSync(README, "utf8"));
}
