/**
 * Walks one NPN class of threshold functions, carrying the representative's integer witness
 * through every symmetry step so that each member comes with a witness of its own.
 */
import { TableMap } from "../../boolean/tableSet.js";
import { complementWords } from "../../boolean/tableWords.js";
import { applyStep, NPN, walkSteps } from "../../boolean/symmetryGroup.js";
import { mapWitness, type ThresholdClasses } from "./thresholdEnumeration.js";

/**
 * Calls visit(table, witness, rows) once for every member of class `id` (binary-encoding witness
 * (w1 … wn, b)). `rows`, if given, is a set of rows of the representative (word form, like a
 * table) that moves with the table: each visit sees its image under the same row permutation
 * (output negation leaves it alone). All arrays are reused between calls, so copy what you keep.
 */
export function walkThresholdClass(
  e: ThresholdClasses,
  id: number,
  visit: (table: Uint32Array, witness: Int32Array, rows: Uint32Array) => void,
  rows?: Uint32Array,
): void {
  const { n } = e;
  const cls = e.classes[id];
  const table = Uint32Array.from(cls.rep);
  const witness = Int32Array.from(cls.witness);
  const carried = rows ? Uint32Array.from(rows) : new Uint32Array(table.length);
  const seen = new TableMap(table.length, cls.orbit);
  const emit = () => {
    if (seen.setIfAbsent(table, 0)) visit(table, witness, carried);
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
    if (rows) applyStep(carried, n, step);
    mapWitness(witness, step.kind, step.arg);
    if (step.visit) emitBoth();
  }
}

/**
 * Calls visit(table, witness, classId, rows) once for every threshold function of the enumeration;
 * `rowsOf(id)`, if given, supplies the row set carried along class id's walk (see
 * walkThresholdClass).
 */
export function forEachThresholdFunction(
  e: ThresholdClasses,
  visit: (table: Uint32Array, witness: Int32Array, classId: number, rows: Uint32Array) => void,
  rowsOf?: (classId: number) => Uint32Array,
): void {
  for (let id = 0; id < e.classes.length; id++) {
    walkThresholdClass(e, id, (t, w, r) => visit(t, w, id, r), rowsOf?.(id));
  }
}
