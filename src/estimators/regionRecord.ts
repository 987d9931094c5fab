/**
 * A function's region as plain JSON for estimators written outside the library (`weightspace
 * export`): its polyhedral pieces as integer rows, the parameter names, an anchor (the integer
 * witness, a point strictly inside) and the exact probability under each prior where one is known.
 */
import type { Architecture, PolyhedralPiece } from "../arch/architecture.js";
import type { BooleanFunction } from "../boolean/truthTable.js";
import type { ConeMeasure, Prior } from "../measure/prior.js";

/** One piece: the open cone {z : Σ_k rows[i][k]·z_k > 0 for every i} in `coordinates`. */
export interface PieceRecord {
  readonly coordinates: readonly string[];
  /** Whether z is θ itself (false for ReLU pieces, which live in z = (v[j]·(W1[j], b1[j]), c)). */
  readonly inParameters: boolean;
  readonly rows: number[][];
  readonly constraints: readonly string[];
  /** An integer point strictly inside, in `coordinates`. */
  readonly witness: number[];
}

/** The exported region of one function. Field names are a public interface (JSON files). */
export interface RegionRecord {
  readonly function: string;
  readonly name?: string;
  readonly parameters: readonly string[];
  readonly pieces: PieceRecord[];
  /** A parameter vector θ inside the region: the first piece's integer witness (in θ). */
  readonly anchor: number[];
  /** Exact probabilities by prior kind (`gaussian`: p, err, method; `uniform`: fraction p/q, p). */
  readonly exact: Record<string, ConeMeasure>;
}

/** An exact integer as a JSON number. @throws RangeError beyond 2^53. */
function safe(x: bigint): number {
  const v = Number(x);
  if (!Number.isSafeInteger(v)) throw new RangeError(`integer ${x} exceeds the exactly representable JSON numbers`);
  return v;
}

/** The witness in θ of a piece: the piece's own witness, or a ReLU piece's `parameters`. */
function anchorOf(piece: PolyhedralPiece): number[] {
  if (piece.inParameters) return piece.witness.map(safe);
  const theta = (piece as PolyhedralPiece & { readonly parameters?: readonly bigint[] }).parameters;
  if (theta === undefined) throw new RangeError("a piece outside the parameters carries no witness in θ");
  return theta.map(safe);
}

/**
 * f's region record. `exact` are measures already known (e.g. from the architecture's table); for
 * the other priors the exact method runs where the architecture has one (measureFunction, or the
 * prior's cone measure of pieces in θ), and nothing is recorded where it has none (ReLU nets).
 * @throws RangeError when f is not realisable (naming it) or has the wrong number of inputs.
 */
export function regionRecord(
  arch: Architecture,
  f: BooleanFunction,
  priors: readonly Prior[],
  known: Readonly<Record<string, ConeMeasure>> = {},
): RegionRecord {
  const region = arch.region(f);
  if (!region.realizable) throw new RangeError(`function ${region.function} is not realisable by this ${arch.type}`);
  const missing = priors.filter((p) => !(p.family.kind in known));
  const exact: Record<string, ConeMeasure> = { ...known };
  const inTheta = region.pieces.every((p) => p.inParameters);
  if (missing.length > 0 && arch.measureFunction) Object.assign(exact, arch.measureFunction(f, missing).measures);
  else if (inTheta)
    for (const prior of missing)
      exact[prior.family.kind] = prior.family.total(region.pieces.map((p) => ({ measure: prior.family.measureCone(p.rows, prior.scales), weight: 1 })));
  return {
    function: region.function,
    ...(region.name === undefined ? {} : { name: region.name }),
    parameters: arch.parameters,
    pieces: region.pieces.map((p) => ({
      coordinates: p.coordinates,
      inParameters: p.inParameters,
      rows: p.rows.map((r) => r.map(safe)),
      constraints: p.constraints,
      witness: p.witness.map(safe),
    })),
    anchor: anchorOf(region.pieces[0]),
    exact,
  };
}
