/** Complexity measures of Boolean functions (re-exported by `weightspace/boolean`). */
export * from "./booleanComplexity.js";
export * from "./entropy.js";
export * from "./fourierL1.js";
export * from "./lzComplexity.js";
export * from "./measureOutcome.js";
export * from "./primeImplicants.js";
export * from "./sensitivity.js";
export type { DyadicValue } from "./_internals/dyadic.js";
export * from "./complexityMeasures.js";
