import { bigGcd } from "../../geometry/rational.js";
import type { InequalitySystem } from "./inequalitySystem.js";

/**
 * Puts a system into the form Lasserre's formula needs, or reports that its k-volume is zero.
 *
 * Lasserre's sum is only right when each facet hyperplane is counted once, so rows with the same
 * direction are merged (the tighter bound wins; on a tie the lower original index, so that equal
 * faces tend to get equal memo keys). A zero row is dropped if 0 ≤ rhs, and otherwise proves the
 * system empty. Beyond that, only shortcuts: a pair of opposite rows whose bounds cross proves the
 * system empty, and bounds that meet prove it flat (dimension < k). Without them the answer would
 * still be 0 — a flat polytope of dimension k − 1 has exactly two rows normal to its hyperplane,
 * one per side, whose terms cancel, and lower-dimensional faces have (k−1)-volume 0 — only slower.
 *
 * @returns the cleaned system (same scale and dimension), or `null` when its k-volume is zero.
 */
export function cleanSystem(sys: InequalitySystem): InequalitySystem | null {
  const byDirection = new Map<string, number>();
  const gcds: bigint[] = [];
  const keys: string[] = [];
  const kept: number[] = [];
  for (let j = 0; j < sys.rows.length; j++) {
    const row = sys.rows[j];
    const g = rowGcd(row);
    if (g === 0n) {
      if (sys.rhs[j] < 0n) return null;
      continue;
    }
    const key = row.map((v) => v / g).join(",");
    gcds[j] = g;
    keys[j] = key;
    const other = byDirection.get(key);
    if (other === undefined) {
      byDirection.set(key, j);
      kept.push(j);
      continue;
    }
    // Compare bounds rhs/g of the two rows with the same primitive direction.
    const c = sys.rhs[j] * gcds[other] - sys.rhs[other] * g;
    if (c < 0n || (c === 0n && sys.ids[j] < sys.ids[other])) byDirection.set(key, j);
  }
  const survivors = kept.map((j) => byDirection.get(keys[j]) as number);
  for (const j of survivors) {
    const opposite = byDirection.get(negateKey(sys.rows[j], gcds[j]));
    if (opposite === undefined) continue;
    // dir·x ≤ β1 and −dir·x ≤ β2 leave room only if β1 + β2 > 0.
    if (sys.rhs[j] * gcds[opposite] + sys.rhs[opposite] * gcds[j] <= 0n) return null;
  }
  return {
    dim: sys.dim,
    rows: survivors.map((j) => sys.rows[j]),
    rhs: survivors.map((j) => sys.rhs[j]),
    ids: survivors.map((j) => sys.ids[j]),
    scale: sys.scale,
  };
}

/** gcd of a row's entries; entries are minors, almost always small, so try doubles first. */
function rowGcd(row: readonly bigint[]): bigint {
  let g = 0;
  for (const v of row) {
    const x = Number(v < 0n ? -v : v);
    if (x > Number.MAX_SAFE_INTEGER) return row.reduce(bigGcd, 0n);
    let a = g;
    let b = x;
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    g = a;
  }
  return BigInt(g);
}

function negateKey(row: readonly bigint[], g: bigint): string {
  return row.map((v) => -v / g).join(",");
}
