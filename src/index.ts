/**
 * weightspace: exact geometry of tiny neural networks' weight spaces. The curated public API:
 * parse a function, build an architecture, its regions, their probabilities under a prior (exact
 * and Monte Carlo), tables. Building blocks live in the subpaths `weightspace/boolean`,
 * `weightspace/geometry`, `weightspace/measure`, `weightspace/arch` and `weightspace/tensor`.
 */

// Boolean functions: character i of a truth table (bit i of a hex number) is f(row i), rows MSB-first.
export { functionName } from "./boolean/names.js";
export type { Encoding } from "./boolean/encoding.js";
export {
  type BooleanFunction,
  formatFunction,
  formatHexFunction,
  parseFunction,
} from "./boolean/truthTable.js";

// Exact numbers and cones.
export type { Rational } from "./geometry/rational.js";
export * as rational from "./geometry/rational.js";
export { type FacetsResult, irredundantRows } from "./geometry/coneFacets.js";
export { loadLp } from "./geometry/lp.js";

// Networks: one interface, a registry, the perceptron.
export type {
  Architecture,
  ExactTable,
  ExactTableOptions,
  ImplicitRegion,
  ParameterGroup,
  ParameterSymmetry,
  PolyhedralPiece,
  Region,
  TableRow,
} from "./arch/architecture.js";
export { priorFor } from "./arch/architecture.js";
export { ARCHITECTURE_NAMES, type ArchitectureConfig, createArchitecture } from "./arch/registry.js";
export { type PerceptronArchitecture, perceptronArchitecture } from "./arch/perceptron/perceptronArchitecture.js";
export type { PerceptronSpec } from "./arch/perceptron/perceptronSpec.js";

// Priors and probabilities.
export type { ConeMeasure, Prior, PriorFamily } from "./measure/prior.js";
export { type GaussianColumn, gaussianPrior } from "./measure/gaussianPrior.js";
export { type UniformColumn, uniformPrior } from "./measure/uniformPrior.js";
export { PRIOR_KINDS, priorFamily } from "./measure/priorFamilies.js";

// Monte Carlo.
export { type MonteCarloEstimate, monteCarloCone } from "./measure/monteCarlo.js";
export { type MonteCarloTable, monteCarloFunction, monteCarloTable } from "./arch/monteCarloTable.js";
