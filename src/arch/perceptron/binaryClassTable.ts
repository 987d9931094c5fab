/**
 * The exact table of the binary-encoding perceptron with bias at 7 inputs, one row per symmetry
 * class of its priors (input permutations, θ ↦ −θ): 1,245,317 classes of 8,378,070,864 functions,
 * derived from the NPN class list (binaryClassList.ts). Classes are built lazily: a class's facets
 * are found (by chamber adjacency) only when it is measured or listed, so a shard touches only its
 * own classes. Negating inputs is a linear map of weight space in this encoding, so the cones of one
 * NPN class are linear images of one another: their predicted cost (simplices in the triangulation)
 * is that of the NPN representative, computed once per NPN class.
 */
import type { ClassedTable, ExactTable, ExactTableOptions, TableClass } from "../architecture.js";
import { measuredInProcess } from "../classMeasures.js";
import { classCost } from "../shardRanges.js";
import { type BinaryClassList, deriveBinaryClasses } from "./binaryClassList.js";
import { certifyThresholdClassList } from "./completenessCertificate.js";
import { type FunctionRegion, regionFromWitness } from "./perceptronRegion.js";
import { checkPerceptronSpec, parameterCount, type PerceptronSpec } from "./perceptronSpec.js";
import { facetVectors, WITNESS_CHECK } from "./perceptronTable.js";
import { publishedCount } from "./publishedCounts.js";
import { enumerateThresholdClasses, type ThresholdClassList } from "./thresholdClassList.js";

/** The inputs whose binary symmetry-class table this module lists (below, the function enumeration does). */
export const BINARY_CLASS_TABLE_INPUTS = 7;

/** Whether `binaryClassTable` is the table for this spec and listing. */
export function usesBinaryClassTable(spec: PerceptronSpec, options: Pick<ExactTableOptions, "classes" | "all">): boolean {
  return (
    spec.inputs === BINARY_CLASS_TABLE_INPUTS && spec.bias && spec.encoding === "binary" && options.classes === "symmetry" && !options.all
  );
}

/** A class whose cone is found when first read. */
class LazyClass implements TableClass {
  private cone: bigint[][] | undefined;
  constructor(
    private readonly region: () => FunctionRegion,
    private readonly spec: PerceptronSpec,
    private readonly table: Uint32Array,
    readonly orbit: number,
  ) {}

  get rows(): bigint[][] {
    this.cone ??= facetVectors(this.spec, this.table, this.region().facetRows);
    return this.cone;
  }
}

/**
 * The binary symmetry-class table at 7 inputs with bias (see the module comment).
 * @throws RangeError if the spec or listing is not that one, or a prior's exact dimension is too small.
 */
export function binaryClassTable(spec: PerceptronSpec, options: ExactTableOptions): ExactTable {
  checkPerceptronSpec(spec);
  if (!usesBinaryClassTable(spec, options))
    throw new RangeError(`the binary class table is for ${BINARY_CLASS_TABLE_INPUTS} inputs, binary encoding, bias, classes "symmetry"`);
  const d = parameterCount(spec);
  for (const p of options.priors) {
    if (d > p.family.maxExactDimension)
      throw new RangeError(
        `exact ${p.family.kind} volumes take at most ${p.family.maxExactDimension} parameters, this perceptron has ${d}; use Monte Carlo`,
      );
  }
  const n = spec.inputs;
  const measured = options.priors.length > 0;
  const published = publishedCount(spec);
  let done: { list: ThresholdClassList; binary: BinaryClassList; classes: LazyClass[]; certification: string } | undefined;
  let npnCosts: Float64Array | undefined;
  const regionOf = (list: ThresholdClassList, binary: BinaryClassList, k: number) =>
    regionFromWitness(spec, list.has, binary.rep(k), Array.from(binary.witness(k)));
  const enumerate = () => {
    if (done) return done;
    const list = enumerateThresholdClasses(n, (a, t) => options.onProgress?.("sweeping weights", a, t));
    let certification = `${WITNESS_CHECK}; binary classes derived from the NPN class list, complete because its class count (OEIS A001529) and its sum of orbits (OEIS A000609) equal the published ones; every binary orbit checked against its stabiliser and their sum against OEIS A000609 (facet-flip closure not run: ask for it with certify)`;
    if (options.certify) {
      const cert = certifyThresholdClassList(spec, { list, onProgress: (a, t) => options.onProgress?.("proving completeness", a, t) });
      if (!cert.closed) throw new Error(`the class list is not closed under facet flips: ${cert.certification}`);
      certification = `${WITNESS_CHECK}; binary classes derived from the NPN class list; ${cert.certification}`;
    }
    const binary = deriveBinaryClasses(list, (a, t) => options.onProgress?.("deriving binary classes", a, t));
    const classes: LazyClass[] = [];
    if (measured)
      for (let k = 0; k < binary.classes; k++)
        classes.push(new LazyClass(() => regionOf(list, binary, k), spec, binary.rep(k), binary.orbit(k)));
    done = { list, binary, classes, certification };
    return done;
  };
  const classed: ClassedTable = {
    priors: options.priors,
    classes: () => enumerate().classes,
    get rowCount() {
      return enumerate().binary.classes;
    },
    forEachRow(measures, visit) {
      const { list, binary } = enumerate();
      for (let k = 0; k < binary.classes; k++) {
        const m = measured ? measures(k) : {};
        if (!m) continue;
        const row: FunctionRegion & { orbit: number } = { ...regionOf(list, binary, k), orbit: binary.orbit(k) };
        visit({ ...row, ...m }, k, k);
      }
    },
    summary: (totals) => {
      const { binary, certification } = enumerate();
      return {
        functions: binary.count,
        ...(published ? { publishedCount: published.count, publishedSource: published.source } : {}),
        classes: binary.classes,
        symmetry: "input permutations and θ ↦ −θ (the maps of weight space that preserve the priors)",
        ...totals,
        rows: binary.classes,
        order: "NPN class list, then input negations",
        certification,
      };
    },
    predictedCost(k) {
      const { list, binary } = enumerate();
      npnCosts ??= new Float64Array(list.classes.length);
      const j = binary.npnClass(k);
      if (npnCosts[j] === 0) {
        const c = list.classes[j];
        const region = regionFromWitness(spec, list.has, c.rep, Array.from(c.witness));
        npnCosts[j] = classCost({ rows: facetVectors(spec, c.rep, region.facetRows), orbit: c.orbit });
      }
      return npnCosts[j];
    },
  };
  return measuredInProcess(classed, options.onProgress);
}
