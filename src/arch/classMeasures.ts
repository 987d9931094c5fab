/**
 * Measuring the classes of a ClassedTable and summing their measures: the one definition of a class's
 * measures and of a table's totals, shared by in-process tables, worker threads, shards and their
 * merge, so that every way of running a table prints the same bytes.
 */
import type { ConeMeasure, Prior, PriorFamily } from "../measure/prior.js";
import type { ClassedTable, ClassMeasures, ExactTable, TableClass } from "./architecture.js";

/** The cone `rows` measured under every prior, by family kind, in the priors' order. */
export function measureClass(priors: readonly Prior[], rows: readonly (readonly bigint[])[]): ClassMeasures {
  const out: Record<string, ConeMeasure> = {};
  for (const prior of priors) out[prior.family.kind] = prior.family.measureCone(rows, prior.scales);
  return out;
}

/**
 * The summary's totals fields (e.g. `gaussianTotal`, `uniformTotal`): Σ orbit · measure over the
 * given classes in the order given, in each family's own arithmetic (exact for rationals). The
 * Gaussian sum is a floating-point sum, so the order is part of the result: pass classes in table
 * order.
 * @throws RangeError if a class lacks a family's measure.
 */
export function classTotals(
  families: readonly PriorFamily[],
  classes: readonly { readonly orbit: number; readonly measures: ClassMeasures }[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const family of families) {
    const parts = classes.map(({ orbit, measures }) => {
      const measure = measures[family.kind];
      if (measure === undefined) throw new RangeError(`a class has no ${family.kind} measure`);
      return { measure, weight: orbit };
    });
    Object.assign(out, family.summaryFields(family.total(parts)));
  }
  return out;
}

/** The totals of every class of a table, in table order, from its measures. */
export function tableTotals(
  priors: readonly Prior[],
  classes: readonly TableClass[],
  measures: readonly ClassMeasures[],
): Record<string, unknown> {
  return classTotals(
    priors.map((p) => p.family),
    classes.map((c, k) => ({ orbit: c.orbit, measures: measures[k] })),
  );
}

/**
 * The ExactTable of a ClassedTable measured in this thread, class after class (progress label
 * `measuring classes`).
 */
export function measuredInProcess(
  classed: ClassedTable,
  onProgress?: (label: string, done: number, total: number) => void,
): ExactTable {
  let totals: Readonly<Record<string, unknown>> = {};
  return {
    classed,
    forEachRow(visit) {
      const classes = classed.classes();
      const measures = classes.map((c, k) => {
        const m = measureClass(classed.priors, c.rows);
        onProgress?.("measuring classes", k + 1, classes.length);
        return m;
      });
      totals = tableTotals(classed.priors, classes, measures);
      classed.forEachRow((k) => measures[k], (row) => visit(row));
    },
    summary: () => classed.summary(totals),
  };
}
