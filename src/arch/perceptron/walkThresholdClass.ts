/**
 * Walks one NPN class of threshold functions, carrying the representative's integer witness
 * through every symmetry step so that each member comes with a witness of its own.
 */
import { TableMap } from "../../boolean/_internals/tableSet.js";
import { complementWords } from "../../boolean/_internals/tableWords.js";
import { applyStep, NPN, walkSteps } from "../../boolean/symmetryGroup.js";
import { mapWitness, type ThresholdEnumeration } from "./thresholdEnumeration.js";

/**
 * Calls visit(table, witness) once for every member of class `id` (binary-encoding witness
 * (w1 … wn, b)); both arrays are reused between calls, so copy what you keep.
 */
export function walkThresholdClass(
  e: ThresholdEnumeration,
  id: number,
  visit: (table: Uint32Array, witness: Int32Array) => void,
): void {
  const { n } = e;
  const cls = e.classes[id];
  const table = Uint32Array.from(cls.rep);
  const witness = Int32Array.from(cls.witness);
  const seen = new TableMap(table.length, cls.orbit);
  const emit = () => {
    if (seen.setIfAbsent(table, 0)) visit(table, witness);
  };
  const emitBoth = () => {
    emit();
    complementWords(table, n);
    mapWitness(witness, "output", 0);
    emit();
    complementWords(table, n);
    mapWitness(witness, "output", 0);
  };
  emitBoth();
  for (const step of walkSteps(n, NPN)) {
    if (seen.size === cls.orbit) return;
    applyStep(table, n, step);
    mapWitness(witness, step.kind, step.arg);
    if (step.visit) emitBoth();
  }
}

/** Calls visit(table, witness, classId) once for every threshold function of the enumeration. */
export function forEachThresholdFunction(
  e: ThresholdEnumeration,
  visit: (table: Uint32Array, witness: Int32Array, classId: number) => void,
): void {
  for (let id = 0; id < e.classes.length; id++) walkThresholdClass(e, id, (t, w) => visit(t, w, id));
}
