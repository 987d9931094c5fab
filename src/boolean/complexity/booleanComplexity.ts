/**
 * Boolean complexity: the fewest operators in a sum-of-products (SOP) or product-of-sums (POS) form
 * of f.
 *
 * Operator count (n-ary AND and OR count 1 each, NOT counts 1):
 * - SOP Σ_j T_j: one AND for each product term of k ≥ 2 literals (a single-literal term has none),
 *   one NOT for each negated literal occurrence, and one OR when there are m ≥ 2 terms.
 * - POS Π_j C_j: the same with AND and OR exchanged (one OR per clause of ≥ 2 literals, one AND when
 *   there are ≥ 2 clauses, one NOT per negated literal occurrence).
 * - The constants 0 and 1 count 0.
 * The measure is min(minimal SOP count, minimal POS count).
 *
 * Method: a minimal form can always use prime implicants only (dropping literals never adds an
 * operator), so the SOP minimum is an exact minimum-cost cover of f's on-set by its primes
 * (branch and bound, branching on the row with fewest covering primes), and the POS minimum is the
 * same for ¬f with the literals' polarity exchanged (De Morgan). Exact for every n ≤ 5 without
 * limit; for n = 6, 7 the search is exact too but stops after a budget of search nodes and then
 * reports no value. The reference (`bool_complexity`) uses sympy's SOPform/POSform, which are not
 * guaranteed minimal, and sympy's count_ops, which counts an n-ary AND/OR as n − 1 operators, so its
 * numbers can differ from these.
 */
import { type BooleanFunction, complement, fullMask } from "../truthTable.js";
import { type MeasureOutcome, measured, notMeasured } from "./measureOutcome.js";
import { type Cube, literalCount, positiveLiteralCount, primeImplicants } from "./primeImplicants.js";
import { inputMask } from "./_internals/tableValues.js";

/** Boolean complexity of a function with a form attaining it. */
export interface BooleanComplexity {
  /** min(sop, pos): operators of a minimal form. */
  readonly value: number;
  /** Operators of a minimal SOP form. */
  readonly sop: number;
  /** Operators of a minimal POS form. */
  readonly pos: number;
  /** Which form attains the value (SOP on a tie; `constant` for 0 and 1). */
  readonly form: "sop" | "pos" | "constant";
  /** That form, e.g. `(x1 & ~x2) | x3` or `(x1 | x2) & ~x3`; `0` or `1` for constants. */
  readonly expression: string;
}

/** Default search-node budget for n ≥ 6 (n ≤ 5 is never limited). */
export const BOOLEAN_COMPLEXITY_BUDGET = 2_000_000;

/** Largest n solved without a node budget. */
export const BOOLEAN_COMPLEXITY_UNLIMITED_INPUTS = 5;

/** A minimal cover: its operator count and its terms. */
interface Cover {
  readonly operators: number;
  readonly terms: Cube[];
}

class BudgetExceeded extends Error {}

/**
 * Fewest operators of an OR (SOP; `negatedPolarity` false) or, through De Morgan, an AND (POS of
 * the complement's cover; true) of prime implicants of `f` covering its on-set exactly.
 * @throws BudgetExceeded after `budget` search nodes.
 */
function minimalCover(f: BooleanFunction, negatedPolarity: boolean, budget: number): Cover {
  const primes = primeImplicants(f);
  // An SOP term's NOTs are its negated literals; a POS clause from a term of ¬f negates the positive ones.
  const notCount = (c: Cube) => (negatedPolarity ? positiveLiteralCount(c) : literalCount(c) - positiveLiteralCount(c));
  const cost = primes.map((c) => (literalCount(c) >= 2 ? 1 : 0) + notCount(c));
  const order = primes.map((_, i) => i).sort((a, b) => cost[a] - cost[b]);
  const coverers = new Map<number, number[]>();
  for (let r = 0; r < 1 << f.n; r++)
    if ((f.bits >> BigInt(r)) & 1n) coverers.set(r, order.filter((i) => (primes[i].rows >> BigInt(r)) & 1n));
  let best: Cover = { operators: Infinity, terms: [] };
  let nodes = 0;
  const chosen: number[] = [];
  const search = (uncovered: bigint, spent: number) => {
    if (++nodes > budget) throw new BudgetExceeded();
    if (uncovered === 0n) {
      const total = spent + (chosen.length >= 2 ? 1 : 0);
      if (total < best.operators) best = { operators: total, terms: chosen.map((i) => primes[i]) };
      return;
    }
    // At least one more term: with any already chosen that makes ≥ 2 terms, hence the OR.
    if (spent + (chosen.length >= 1 ? 1 : 0) >= best.operators) return;
    let row = -1;
    let fewest = Infinity;
    for (const [r, list] of coverers) {
      if (((uncovered >> BigInt(r)) & 1n) === 0n) continue;
      if (list.length < fewest) {
        fewest = list.length;
        row = r;
      }
    }
    for (const i of coverers.get(row)!) {
      chosen.push(i);
      search(uncovered & ~primes[i].rows, spent + cost[i]);
      chosen.pop();
    }
  };
  search(f.bits, 0);
  return best;
}

/** A cube as a product (`and`) or, De Morgan-negated, a sum (`or`) of literals. */
function formatCube(n: number, c: Cube, asClause: boolean): string {
  const literals: string[] = [];
  for (let k = 1; k <= n; k++) {
    const bit = inputMask(n, k);
    if (!(c.care & bit)) continue;
    const positive = (c.value & bit) !== 0;
    literals.push(positive !== asClause ? `x${k}` : `~x${k}`);
  }
  return literals.join(asClause ? " | " : " & ");
}

/** Joins terms with `|` (SOP) or clauses with `&` (POS), bracketing multi-literal parts. */
function formatCover(n: number, terms: readonly Cube[], asClauses: boolean): string {
  // Terms that use x1 first, then x2, …: the order a reader expects.
  const sorted = [...terms].sort((a, b) => b.care - a.care || b.value - a.value);
  const parts = sorted.map((c) => formatCube(n, c, asClauses));
  if (parts.length === 1) return parts[0];
  return parts.map((p) => (p.includes(" ") ? `(${p})` : p)).join(asClauses ? " & " : " | ");
}

/**
 * Boolean complexity of f (see the module comment for the operator count and the method).
 * @param budget search nodes allowed for n ≥ 6 (default BOOLEAN_COMPLEXITY_BUDGET); n ≤ 5 ignores it.
 * @returns the value, or for n ≥ 6 when the budget runs out, the reason there is none.
 */
export function booleanComplexity(f: BooleanFunction, budget = BOOLEAN_COMPLEXITY_BUDGET): MeasureOutcome<BooleanComplexity> {
  if (f.bits === 0n || f.bits === fullMask(f.n)) {
    return measured({ value: 0, sop: 0, pos: 0, form: "constant", expression: f.bits === 0n ? "0" : "1" });
  }
  const limit = f.n <= BOOLEAN_COMPLEXITY_UNLIMITED_INPUTS ? Infinity : budget;
  try {
    const sop = minimalCover(f, false, limit);
    const pos = minimalCover(complement(f), true, limit);
    const useSop = sop.operators <= pos.operators;
    return measured({
      value: Math.min(sop.operators, pos.operators),
      sop: sop.operators,
      pos: pos.operators,
      form: useSop ? "sop" : "pos",
      expression: useSop ? formatCover(f.n, sop.terms, false) : formatCover(f.n, pos.terms, true),
    });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return notMeasured(
      `the exact minimum-cover search for n = ${f.n} exceeded its budget of ${budget} nodes (exact without a budget for n ≤ ${BOOLEAN_COMPLEXITY_UNLIMITED_INPUTS})`,
    );
  }
}
