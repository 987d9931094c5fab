/**
 * Checks of the numbers a report page shows against its summary.json, shared by the page tests (the
 * HTML text) and the browser test (the rendered DOM).
 */
import { expect } from "vitest";

/** A shown summary value: its data-path, its title (the JSON text of the value) and its visible text. */
export interface ShownNumber {
  readonly path: string;
  readonly title: string;
  readonly text: string;
}

/** The value at a dotted path (array indices as numbers) in a parsed JSON document. */
export function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const k of path.split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * Asserts that a shown value is the summary's: its title is the value's JSON text exactly, and its
 * text is the value (strings and integers in full, `—` for null, other numbers within half a unit
 * of the 4th significant digit).
 */
export function expectShownValue(summary: unknown, shown: ShownNumber): void {
  const v = valueAt(summary, shown.path);
  expect(v, `summary.json has no ${shown.path}`).not.toBeUndefined();
  expect(shown.title, shown.path).toBe(JSON.stringify(v));
  if (v === null) expect(shown.text, shown.path).toBe("—");
  else if (typeof v === "string" || (typeof v === "number" && Number.isInteger(v))) expect(shown.text, shown.path).toBe(String(v));
  else if (typeof v === "number") expect(Math.abs(Number(shown.text) - v), `${shown.path}: ${shown.text} vs ${v}`).toBeLessThanOrEqual(5e-4 * Math.abs(v));
  else throw new Error(`${shown.path} is not a number or string in summary.json`);
}

/** Paths the page must show for a summary: every measure's statistics and fit, every P(T = t), every top row. */
export function expectedPaths(summary: {
  measures: Record<string, Record<string, unknown>>;
  entropyBias: Record<string, unknown[]>;
  topFunctions: { rows: { measures: Record<string, object> }[] };
}): string[] {
  const paths = ["functions", "classes"];
  for (const [m, byKind] of Object.entries(summary.measures))
    for (const k of Object.keys(byKind))
      paths.push(...["spearman.value", "kendall.value", "upperBound.a", "upperBound.b", "functions"].map((f) => `measures.${m}.${k}.${f}`));
  for (const [k, entries] of Object.entries(summary.entropyBias)) entries.forEach((_, t) => paths.push(`entropyBias.${k}.${t}.p`));
  summary.topFunctions.rows.forEach((r, i) => {
    paths.push(`topFunctions.rows.${i}.function`, `topFunctions.rows.${i}.rank`);
    for (const k of Object.keys(r.measures)) paths.push(`topFunctions.rows.${i}.measures.${k}.p`);
  });
  return paths;
}
