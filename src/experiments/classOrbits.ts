/**
 * What the functions of a class row are, without listing them: how many of the row's orbit take
 * each value of a quantity (a complexity measure, the number of ones). Where the architecture's
 * symmetries lie in a group G of input permutations, input negations and output negation, and the
 * row's orbit is its whole G-orbit, the orbit's members are the images γ·f, γ ∈ G, each |G|/orbit
 * times; a quantity invariant under the components H of G factors as G = H·Q, so it is evaluated on
 * the |Q| images q·f alone, each standing for |H| elements. At n = 6 that is 15 million functions
 * counted from 567 rows, with LZ evaluated on |G|/2 images per row (LZ is blind to output negation).
 */
import type { Architecture } from "../arch/architecture.js";
import { groupOrder, type SymmetryGroup, walkGroup } from "../boolean/symmetryGroup.js";
import { wordsFromBigInt, wordsToBigInt } from "../boolean/tableWords.js";
import { type BooleanFunction, formatFunction, formatWords } from "../boolean/truthTable.js";
import { orbitSize } from "../boolean/symmetryGroup.js";
import { classConstant } from "./measureSymmetry.js";

const GROUPS: readonly SymmetryGroup[] = [false, true]
  .flatMap((o) => [false, true].flatMap((neg) => [false, true].map((p) => ({ permuteInputs: p, negateInputs: neg, negateOutput: o }))))
  .sort((a, b) => groupOrder(4, a) - groupOrder(4, b));

/**
 * The smallest group of input permutations / input negations / output negation whose actions
 * contain every symmetry of the architecture, or undefined when none does (e.g. the binary
 * perceptron without bias, whose weight negation fixes the zero row).
 */
export function classGroup(arch: Architecture): SymmetryGroup | undefined {
  return GROUPS.find((g) => classConstant(arch, g));
}

/**
 * The orbit of f under the architecture's symmetries, f first (closure under the generators).
 * @throws Error if it has not `expected` members (the table's orbit; a bug if so).
 */
export function orbitMembers(arch: Architecture, f: BooleanFunction, expected: number): BooleanFunction[] {
  const seen = new Map<bigint, BooleanFunction>([[f.bits, f]]);
  const queue = [f];
  while (queue.length > 0) {
    const g = queue.pop()!;
    for (const sym of arch.symmetries) {
      const t = wordsFromBigInt(g.bits, g.n);
      sym.actOnTable(t);
      const bits = wordsToBigInt(t);
      if (!seen.has(bits)) {
        const h = { n: g.n, bits };
        seen.set(bits, h);
        queue.push(h);
      }
    }
  }
  if (seen.size !== expected)
    throw new Error(`orbit of ${formatWords(wordsFromBigInt(f.bits, f.n), f.n)} has ${seen.size} members, the table says ${expected}`);
  return [...seen.values()];
}

/** A class row: its function and its orbit (functions it stands for). */
export interface ClassRow {
  readonly function: BooleanFunction;
  readonly orbit: number;
}

const certified = new WeakMap<ClassRow, { group: SymmetryGroup; stabiliser: number }>();

/**
 * |G| / orbit, once the row's orbit is shown to be its whole G-orbit (a walk of G, remembered per row).
 * @throws Error if it is not.
 */
function certifiedStabiliser(group: SymmetryGroup, row: ClassRow): number {
  const known = certified.get(row);
  if (known?.group === group) return known.stabiliser;
  const size = orbitSize(row.function, group);
  if (size !== row.orbit) throw new Error(`class of ${formatFunction(row.function)}: the table's orbit ${row.orbit} is not its orbit under the symmetry group (${size})`);
  const stabiliser = groupOrder(row.function.n, group) / size;
  certified.set(row, { group, stabiliser });
  return stabiliser;
}

/**
 * How many functions of the row's orbit take each value of `valueOf`, a quantity invariant under the
 * group `invariance`. `group` is classGroup(arch) (undefined: the members are listed by closing the
 * row under the architecture's symmetries, orbitMembers).
 * @param valueOf maps a truth table (word form; it must not keep or change it) to a number.
 * @returns value → count, the counts summing to the orbit.
 * @throws Error if the row's orbit is not its G-orbit (then the table's classes are not G's orbits).
 */
export function classValueCounts(
  arch: Architecture,
  group: SymmetryGroup | undefined,
  row: ClassRow,
  invariance: SymmetryGroup,
  valueOf: (table: Uint32Array) => number,
): Map<number, number> {
  const f = row.function;
  const counts = new Map<number, number>();
  const add = (v: number, c: number) => counts.set(v, (counts.get(v) ?? 0) + c);
  if (row.orbit === 1) {
    add(valueOf(wordsFromBigInt(f.bits, f.n)), 1);
    return counts;
  }
  if (group === undefined) {
    for (const g of orbitMembers(arch, f, row.orbit)) add(valueOf(wordsFromBigInt(g.bits, g.n)), 1);
    return counts;
  }
  const order = groupOrder(f.n, group);
  const stabiliser = certifiedStabiliser(group, row);
  const quotient: SymmetryGroup = {
    permuteInputs: group.permuteInputs && !invariance.permuteInputs,
    negateInputs: group.negateInputs && !invariance.negateInputs,
    negateOutput: group.negateOutput && !invariance.negateOutput,
  };
  const each = order / groupOrder(f.n, quotient);
  walkGroup(wordsFromBigInt(f.bits, f.n), f.n, quotient, (t) => add(valueOf(t), each));
  for (const [v, c] of counts) {
    if (c % stabiliser !== 0) throw new Error(`class of ${formatFunction(f)}: ${c} images with value ${v} is not a multiple of the stabiliser ${stabiliser}`);
    counts.set(v, c / stabiliser);
  }
  return counts;
}
