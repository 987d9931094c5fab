/**
 * Lebesgue volumes V(ε) = |{θ : cost(θ) ≤ ε}| of a sublevel region about its anchor at several
 * cutoffs at once: exactly where the region states V in closed form, else by radial sampling,
 * V(ε) = V_D·E_u[r_ε(u)^D] over uniform directions u, with r_ε(u) the first crossing of the level ε
 * along the ray (the region is taken to be star-shaped about the anchor), found by bracketing and
 * bisection. The same directions serve every cutoff, so the ratios V(ε_i)/V(ε_j) that the learning
 * coefficient's slope depends on share most of their noise.
 */
import { standardNormals } from "../measure/gaussianPrior.js";
import { randomStream } from "../measure/randomStream.js";
import type { SublevelCost } from "./estimator.js";
import { logUnitBallVolume } from "../measure/unitBallVolume.js";

/** Relative tolerance of each bisected radius. */
export const RADIUS_RTOL = 1e-9;
/** A ray longer than this (in parameter units) counts as unbounded. */
const UNBOUNDED = 1e12;

/** Volumes at each cutoff, with how they were obtained. */
export interface SublevelVolumes {
  /** log V(ε_k), natural log, in the order of the cutoffs. */
  readonly logVolumes: number[];
  /** Standard error of each log V (delta method; 0 when exact). */
  readonly logStandardErrors: number[];
  /** `exact` or `radial (K directions, bisection rtol …)`. */
  readonly method: string;
  /** Cost evaluations spent. */
  readonly evaluations: number;
}

/**
 * V(ε_k) for ascending cutoffs about `anchor` (cost(anchor) ≤ ε_1 assumed), by the region's closed
 * form when it has one, else from `directions` seeded random directions.
 * @throws RangeError when the region is unbounded along a sampled direction.
 */
export function sublevelVolumes(
  sublevel: SublevelCost,
  anchor: Float64Array,
  cutoffs: readonly number[],
  directions: number,
  seed: number,
): SublevelVolumes {
  if (sublevel.volume) {
    const volume = sublevel.volume.bind(sublevel);
    return { logVolumes: cutoffs.map((e) => Math.log(volume(e))), logStandardErrors: cutoffs.map(() => 0), method: "exact", evaluations: 0 };
  }
  const d = anchor.length;
  const rng = randomStream(seed);
  const u = new Float64Array(d);
  const x = new Float64Array(d);
  let evaluations = 0;
  const costAt = (t: number) => {
    for (let k = 0; k < d; k++) x[k] = anchor[k] + t * u[k];
    evaluations++;
    return sublevel.cost(x);
  };
  // Σ r^D and Σ r^{2D} per cutoff (plain doubles: behavioural regions here have D ≲ 30, radii ≲ 1e3).
  const sum = new Float64Array(cutoffs.length);
  const sumSq = new Float64Array(cutoffs.length);
  let start = 1;
  for (let s = 0; s < directions; s++) {
    standardNormals(rng, u, d);
    const norm = Math.hypot(...u);
    for (let k = 0; k < d; k++) u[k] /= norm;
    let lo = 0;
    cutoffs.forEach((e, c) => {
      const r = crossing(costAt, e, lo, Math.max(start, lo * 2));
      if (r >= UNBOUNDED) throw new RangeError(`the region {cost ≤ ${e}} is unbounded along a sampled direction; its volume is infinite`);
      lo = r;
      if (c === 0) start = r;
      const p = r ** d;
      sum[c] += p;
      sumSq[c] += p * p;
    });
  }
  const logBall = logUnitBallVolume(d);
  const logVolumes: number[] = [];
  const logStandardErrors: number[] = [];
  cutoffs.forEach((_, c) => {
    const mean = sum[c] / directions;
    const variance = Math.max(0, sumSq[c] / directions - mean * mean) * (directions / Math.max(1, directions - 1));
    logVolumes.push(logBall + Math.log(mean));
    logStandardErrors.push(Math.sqrt(variance / directions) / mean);
  });
  return {
    logVolumes,
    logStandardErrors,
    method: `radial (${directions} directions, bisection rtol ${RADIUS_RTOL})`,
    evaluations,
  };
}

/**
 * The first t > lo with cost(t) > e, to relative RADIUS_RTOL, given cost(lo) ≤ e: bracket from
 * `guess` by doubling or halving (never below lo), then bisect. UNBOUNDED when no crossing is found.
 */
function crossing(costAt: (t: number) => number, e: number, lo: number, guess: number): number {
  let hi = guess;
  if (costAt(hi) <= e) {
    lo = hi;
    while (costAt((hi *= 2)) <= e) {
      lo = hi;
      if (hi >= UNBOUNDED) return UNBOUNDED;
    }
  } else {
    // Halve towards lo while still outside, so the bracket is tight before bisection.
    for (let t = lo > 0 ? (lo + hi) / 2 : hi / 2; t > lo && t > 1e-300; t = lo > 0 ? (lo + t) / 2 : t / 2) {
      if (costAt(t) <= e) {
        lo = t;
        break;
      }
      hi = t;
    }
  }
  while (hi - lo > RADIUS_RTOL * hi) {
    const mid = (lo + hi) / 2;
    if (costAt(mid) <= e) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
