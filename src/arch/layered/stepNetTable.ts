/**
 * The exact table of a step net: every function it computes (or every function with `all`), each
 * with P(f) = Σ_{hidden tuples} Π_j P(h_j) · P_out(f | h) under each prior and the number of
 * hidden-function tuples whose region piece it is made of.
 */
import { functionName } from "../../boolean/names.js";
import { formatFunction } from "../../boolean/truthTable.js";
import type { ConeMeasure } from "../../measure/prior.js";
import type { ExactTable, ExactTableOptions, TableRow } from "../architecture.js";
import type { LayeredSpec } from "./layeredSpec.js";
import { type ProductValue, ValueSum, valueMeasure } from "./productValue.js";
import { stepNetPlan } from "./stepNetPlan.js";
import { forEachStepNetTerm } from "./stepNetTuples.js";

/** Largest n for which `all` lists every Boolean function (2^(2^n) rows). */
export const MAX_STEP_ALL_INPUTS = 4;

/** What the exact step-net computations prove, for summaries. */
export const STEP_NET_CERTIFICATION =
  "each unit ranges over the threshold functions of its inputs (enumeration count equal to OEIS A000609, integer witnesses checked exactly); " +
  "a labelling of the feature points that occur is realisable iff a threshold function extends it, and its probability is the sum of theirs; " +
  "P(f) = Σ over hidden tuples of Π unit-cone measures (uniform: exact rationals, total checked to be exactly 1)";

/** The Gaussian method of step-net rows: how the factors were measured. */
export function stepNetMethod(methods: ReadonlySet<string>): string {
  return `sum of products of unit cones (${[...methods].sort().join(", ")})`;
}

/** Per function: a running sum per prior and the number of ordered tuples. */
interface Accumulated {
  readonly sums: ValueSum[];
  pieces: number;
}

/**
 * The exact table of a step net.
 * @throws RangeError for options that do not apply (classes), a net beyond the exact method's
 *   reach, or a prior without product arithmetic (see stepNetPlan).
 */
export function stepNetTable(spec: LayeredSpec, options: ExactTableOptions): ExactTable {
  const n = spec.layers[0];
  if (options.classes !== "none") throw new RangeError("step-net tables list functions, not classes");
  if (options.all && n > MAX_STEP_ALL_INPUTS)
    throw new RangeError(`all lists 2^(2^n) functions; allowed for inputs 1 to ${MAX_STEP_ALL_INPUTS}, got ${n}`);
  const plan = stepNetPlan(spec, options.priors);
  const kinds = options.priors.map((p) => p.family.kind as "uniform" | "gaussian");
  const methods = new Set<string>();
  for (const c of plan.catalogues) for (const m of c.methods) methods.add(m);
  const method = stepNetMethod(methods);
  const totals: { measure: ConeMeasure; weight: number }[][] = options.priors.map(() => []);
  let functions = 0;
  let tuples = 0;
  let rows = 0;
  const forEachRow = (visit: (row: TableRow) => void) => {
    const byFunction = new Map<number, Accumulated>();
    forEachStepNetTerm(plan, { mode: "multisets" }, (term) => {
      let acc = byFunction.get(term.f);
      if (!acc) {
        acc = { sums: kinds.map((k) => new ValueSum(k)), pieces: 0 };
        byFunction.set(term.f, acc);
      }
      acc.pieces += term.orderings;
      term.values.forEach((v, i) => acc.sums[i].add(v));
    });
    options.onProgress?.("hidden tuples", 1, 1);
    functions = byFunction.size;
    const keys = options.all ? Array.from({ length: 2 ** 2 ** n }, (_, f) => f) : [...byFunction.keys()];
    const text = (f: number) => formatFunction({ n, bits: BigInt(f) });
    const sorted = keys.map((f) => ({ f, s: text(f) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    for (const { f, s } of sorted) {
      const acc = byFunction.get(f);
      const name = functionName({ n, bits: BigInt(f) });
      const row: Record<string, unknown> = { function: s, ...(name === undefined ? {} : { name }), realizable: acc !== undefined };
      if (acc) {
        options.priors.forEach((p, i) => {
          const measure = valueMeasure(acc.sums[i].value() as ProductValue, method);
          totals[i].push({ measure, weight: 1 });
          row[p.family.kind] = measure;
        });
        tuples += acc.pieces;
      }
      row.pieces = acc?.pieces ?? 0;
      rows++;
      visit(row as unknown as TableRow);
    }
    options.priors.forEach((p, i) => {
      if (p.family.kind !== "uniform") return;
      const t = p.family.total(totals[i]) as { fraction?: string };
      if (t.fraction !== "1/1") throw new Error(`the uniform probabilities add up to ${t.fraction}, not 1 (a bug)`);
    });
  };
  return {
    forEachRow,
    summary: () => {
      const out: Record<string, unknown> = { functions, pieces: tuples };
      options.priors.forEach((p, i) => Object.assign(out, p.family.summaryFields(p.family.total(totals[i]))));
      return { ...out, rows, order: "truth-table string", certification: STEP_NET_CERTIFICATION };
    },
  };
}
