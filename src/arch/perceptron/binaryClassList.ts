/**
 * The symmetry classes of the binary-encoding perceptron with bias (input permutations and θ ↦ −θ,
 * which negates the output), derived from the NPN class list without listing the functions: about
 * a million classes at n = 7, where the functions are 8,378,070,864.
 *
 * Every member of the NPN class of a positive sorted form f is, up to an input permutation, f∘ν_N
 * or its complement (ν_N negates the inputs in N ⊆ [n]), so the binary classes inside it are the
 * classes of the 2^n tables f∘ν_N. Each gets an exact canonical key, the smaller of the Chow-sorted
 * forms of g and ¬g (inputs with equal signed Chow parameters are symmetric: Chow's theorem), and
 * the class of g holds orbit_NPN · #{N : f∘ν_N in the class} / 2^n functions (the NPN group acts
 * with equal fibres). That orbit is checked against 2·n!/|stabiliser| computed from the runs of
 * equal Chow parameters, and Σ orbit against the published count of threshold functions.
 */

import { compareWords, complementWords, negateRowBit, wordCount } from "../../boolean/tableWords.js";
import { chowParameters, chowSortedForm, type ThresholdClassList } from "./thresholdClassList.js";
import { THRESHOLD_COUNTS } from "./thresholdEnumeration.js";

/** The binary-encoding symmetry classes of threshold functions of n inputs. */
export interface BinaryClassList {
  readonly n: number;
  /** Number of classes. */
  readonly classes: number;
  /** Σ orbit (equals THRESHOLD_COUNTS[n], checked). */
  readonly count: number;
  /** Representative f∘ν_N of class k (a view, word form): N the smallest negation mask in the class. */
  rep(k: number): Uint32Array;
  /** Integer witness (binary encoding: w1 … wn, b) of the representative of class k. */
  witness(k: number): Int32Array;
  /** Number of functions in class k. */
  orbit(k: number): number;
  /** Index of the NPN class (in the NPN list's order) that class k lies in. */
  npnClass(k: number): number;
  /** Index of the first binary class of NPN class j (j = NPN count gives the class count). */
  firstOfNpn(j: number): number;
}

/** How θ ↦ −θ acts on a table, in place (with a bias: the complement). */
type OutputMap = (table: Uint32Array) => void;

/**
 * Canonical key of a threshold function's binary-encoding class (input permutations, output
 * negation): the smaller of the Chow-sorted forms of the table and its complement (a new array).
 * Exact for threshold functions; for other tables it is just some image. `negate` replaces the
 * complement where θ ↦ −θ acts otherwise (without bias it keeps f(0) = 0), provided its image of a
 * threshold function is one.
 */
export function binaryClassKey(table: Uint32Array, n: number, negate: OutputMap = (t) => complementWords(t, n)): Uint32Array {
  const a = chowSortedForm(table, n);
  const not = Uint32Array.from(table);
  negate(not);
  const b = chowSortedForm(not, n);
  return compareWords(a, b) <= 0 ? a : b;
}

/**
 * |S_n × {±}| / |stabiliser of a threshold function| (see the module comment); `negate` as in
 * binaryClassKey.
 */
export function binaryOrbitSize(table: Uint32Array, n: number, negate: OutputMap = (t) => complementWords(t, n)): number {
  const chow = chowParameters(table, n).sort((x, y) => x - y);
  let stabiliser = 1;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && chow[i] === chow[i - 1]) {
      run++;
      stabiliser *= run;
    } else run = 1;
  }
  const not = Uint32Array.from(table);
  negate(not);
  if (compareWords(chowSortedForm(table, n), chowSortedForm(not, n)) === 0) stabiliser *= 2;
  let group = 2;
  for (let i = 2; i <= n; i++) group *= i;
  return group / stabiliser;
}

/**
 * The binary classes of threshold functions of `list.n` inputs, NPN class by NPN class, each class
 * represented by f∘ν_N for the smallest mask N reaching it. `onProgress(done, total)` counts NPN
 * classes.
 * @throws Error if an orbit or Σ orbit disagrees with its independent check (a bug).
 */
export function deriveBinaryClasses(
  list: ThresholdClassList,
  onProgress?: (done: number, total: number) => void,
): BinaryClassList {
  const n = list.n;
  const words = wordCount(n);
  const masks = 2 ** n;
  const reps: number[] = [];
  const witnesses: number[] = [];
  const orbits: number[] = [];
  const npn: number[] = [];
  const first: number[] = [];
  let count = 0;
  const g = new Uint32Array(words);
  const w = new Int32Array(n + 1);
  list.classes.forEach((c, j) => {
    first.push(orbits.length);
    // key → [position in this NPN class's classes, masks reaching it]
    const found = new Map<string, { at: number; hits: number }>();
    for (let mask = 0; mask < masks; mask++) {
      g.set(c.rep);
      w.set(c.witness);
      for (let i = 0; i < n; i++) {
        if (!((mask >> i) & 1)) continue;
        negateRowBit(g, n - 1 - i);
        // f(x with x_i ↦ 1 − x_i): w_i ↦ −w_i, b ↦ b + w_i.
        w[n] += w[i];
        w[i] = -w[i];
      }
      const key = binaryClassKey(g, n).join(",");
      const seen = found.get(key);
      if (seen) {
        seen.hits++;
        continue;
      }
      found.set(key, { at: orbits.length, hits: 1 });
      reps.push(...g);
      witnesses.push(...w);
      orbits.push(0);
      npn.push(j);
    }
    for (const { at, hits } of found.values()) {
      const orbit = (c.orbit * hits) / masks;
      const rep = Uint32Array.from(reps.slice(at * words, (at + 1) * words));
      const check = binaryOrbitSize(rep, n);
      if (orbit !== check)
        throw new Error(`binary class ${at} of ${n} inputs: orbit ${orbit} from the NPN class, ${check} from its stabiliser`);
      orbits[at] = orbit;
      count += orbit;
    }
    onProgress?.(j + 1, list.classes.length);
  });
  first.push(orbits.length);
  if (count !== THRESHOLD_COUNTS[n])
    throw new Error(`binary classes of ${n} inputs hold ${count} functions, expected ${THRESHOLD_COUNTS[n]}`);
  const repWords = Uint32Array.from(reps);
  const witnessInts = Int32Array.from(witnesses);
  return {
    n,
    classes: orbits.length,
    count,
    rep: (k) => repWords.subarray(k * words, (k + 1) * words),
    witness: (k) => witnessInts.subarray(k * (n + 1), (k + 1) * (n + 1)),
    orbit: (k) => orbits[k],
    npnClass: (k) => npn[k],
    firstOfNpn: (j) => first[j],
  };
}
