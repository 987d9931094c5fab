/**
 * The perceptron as an Architecture: f(x) = [⟨w, x̃⟩ + b > 0], parameters w1 … wn[, b]; one
 * polyhedral cone per function, decided by LP with exact certificates; symmetries the input
 * permutations, input negations (signed encoding) and θ ↦ −θ; the exact table by enumeration.
 */
import { complementWords, flipRowWord, wordCount } from "../../boolean/tableWords.js";
import { applyStep } from "../../boolean/symmetryGroup.js";
import { type BooleanFunction, valueAt } from "../../boolean/truthTable.js";
import type { Architecture, ParameterGroup, ParameterSymmetry, Region } from "../architecture.js";
import { coneImplicitRegion, EMPTY_IMPLICIT_REGION } from "../coneImplicitRegion.js";
import { analyseFunction } from "./analyseFunction.js";
import { perceptronForward } from "./perceptronForward.js";
import { checkPerceptronSpec, coneRows, type PerceptronSpec, parameterNames } from "./perceptronSpec.js";
import { publishedCount } from "./publishedCounts.js";
import { perceptronTable } from "./perceptronTable.js";
import { binaryClassTable, usesBinaryClassTable } from "./binaryClassTable.js";
import { unrealisableCertificate } from "./unrealisableCertificate.js";

/** A perceptron architecture, with its spec. */
export type PerceptronArchitecture = Architecture & { readonly spec: PerceptronSpec };

function identity(d: number): number[] {
  return Array.from({ length: d }, (_, k) => k);
}

/** Generators of the perceptron's symmetry group acting on θ and on tables. */
function perceptronSymmetries(spec: PerceptronSpec): ParameterSymmetry[] {
  const n = spec.inputs;
  const d = n + (spec.bias ? 1 : 0);
  const out: ParameterSymmetry[] = [];
  for (let a = 0; a + 1 < n; a++) {
    const perm = identity(d);
    [perm[a], perm[a + 1]] = [a + 1, a];
    out.push({
      name: `swap x${a + 1} x${a + 2}`,
      perm,
      sign: perm.map(() => 1),
      actOnTable: (t) => applyStep(t, n, { kind: "swap", arg: a, visit: false }),
    });
  }
  // In the binary encoding x ↦ 1 − x maps (w, b) to (−w_a, b + w_a), a shear, not a signed permutation.
  if (spec.encoding === "signed") {
    for (let a = 0; a < n; a++) {
      out.push({
        name: `negate x${a + 1}`,
        perm: identity(d),
        sign: identity(d).map((k) => (k === a ? -1 : 1)),
        actOnTable: (t) => applyStep(t, n, { kind: "negate", arg: a, visit: false }),
      });
    }
  }
  // Without bias in the binary encoding the zero input's output is 0 for every θ, also for −θ.
  const keepZeroRow = !spec.bias && spec.encoding === "binary";
  out.push({
    name: "θ ↦ −θ",
    perm: identity(d),
    sign: identity(d).map(() => -1),
    actOnTable: (t) => {
      complementWords(t, n);
      if (keepZeroRow) flipRowWord(t, 0);
    },
  });
  return out;
}

/** Whether the zero input forces output 0 (binary without bias), so f(0) = 1 is impossible. */
function zeroRowFixed(spec: PerceptronSpec, f: BooleanFunction): boolean {
  return !spec.bias && spec.encoding === "binary" && valueAt(f, 0) === 1;
}

/**
 * The perceptron of `spec` as an Architecture.
 * @throws RangeError for a spec out of range (see checkPerceptronSpec).
 */
export function perceptronArchitecture(spec: PerceptronSpec): PerceptronArchitecture {
  checkPerceptronSpec(spec);
  const n = spec.inputs;
  const parameters = parameterNames(spec);
  const groups: ParameterGroup[] = n > 0 ? [{ name: "w", kind: "weight", indices: identity(n) }] : [];
  if (spec.bias) groups.push({ name: "b", kind: "bias", indices: [n] });
  const checkInputs = (f: BooleanFunction) => {
    if (f.n !== n) throw new RangeError(`function has ${f.n} inputs, the perceptron ${n}`);
  };
  const published = publishedCount(spec);
  return {
    type: "perceptron",
    spec,
    inputs: n,
    encoding: spec.encoding,
    description: { type: "perceptron", inputs: n, encoding: spec.encoding, bias: spec.bias, parameters },
    parameters,
    groups,
    tableWords: wordCount(n),
    forward: perceptronForward(spec),
    region(f): Region {
      checkInputs(f);
      const r = analyseFunction(spec, f);
      const base = { function: r.function, ...(r.name === undefined ? {} : { name: r.name }) };
      if (!r.realizable) {
        const certificate = unrealisableCertificate(spec, f) ?? undefined;
        return { ...base, realizable: false, pieces: [], ...(certificate ? { certificate } : {}) };
      }
      const piece = {
        coordinates: parameters,
        inParameters: true,
        rows: r.facetVectors,
        constraints: r.constraints,
        witness: (r.witness ?? []).map((v) => BigInt(v)),
      };
      return { ...base, realizable: true, pieces: [piece] };
    },
    implicitRegion(f) {
      checkInputs(f);
      if (zeroRowFixed(spec, f)) return EMPTY_IMPLICIT_REGION;
      return coneImplicitRegion(coneRows(spec, (r) => valueAt(f, r)));
    },
    symmetries: perceptronSymmetries(spec),
    exactTable: (options) => (usesBinaryClassTable(spec, options) ? binaryClassTable(spec, options) : perceptronTable(spec, options)),
    ...(published ? { publishedCount: published } : {}),
  };
}

