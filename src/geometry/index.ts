/** `weightspace/geometry`: exact rationals, cone feasibility and facets, extreme rays, triangulations. */
export * from "./coneFacets.js";
export * from "./coneFeasibility.js";
export * from "./extremeRays.js";
export * from "./linalg.js";
export { loadLp, lpReady } from "./lp.js";
export * from "./polytopeVolume.js";
export type { Rational } from "./rational.js";
export * as rational from "./rational.js";
export * from "./triangulate.js";
