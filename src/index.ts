/**
 * weightspace: exact geometry of tiny neural networks' weight spaces. The public API.
 */

export * from "./arch/perceptron/analyseFunction.js";
export * from "./arch/perceptron/functionSource.js";
export * from "./arch/perceptron/perceptronRegion.js";
export * from "./arch/perceptron/perceptronSpec.js";
export * from "./arch/perceptron/publishedCounts.js";
export * from "./arch/perceptron/realisableFunctions.js";
export * from "./arch/perceptron/regionVolumes.js";
export * from "./arch/perceptron/symmetryClasses.js";
export * from "./arch/perceptron/thresholdClassList.js";
export * from "./arch/perceptron/thresholdClassRegions.js";
export * from "./arch/perceptron/thresholdEnumeration.js";
export * from "./arch/perceptron/walkThresholdClass.js";
export * from "./boolean/encoding.js";
export * from "./boolean/names.js";
export * from "./boolean/symmetryGroup.js";
export * from "./boolean/truthTable.js";
export * from "./geometry/coneFacets.js";
export { findInteriorPoint, type InteriorPointResult } from "./geometry/coneFeasibility.js";
export * from "./geometry/extremeRays.js";
export * from "./geometry/polytopeVolume.js";
export type { Rational } from "./geometry/rational.js";
export * as rational from "./geometry/rational.js";
export * from "./geometry/triangulate.js";
export * from "./measure/coneGaussian.js";
export * from "./measure/cubeVolume.js";
export * from "./measure/cubeVolumeByTriangulation.js";
export * from "./measure/monteCarlo.js";
export * from "./measure/orthantProbability.js";
export * from "./measure/prior.js";
export * from "./measure/simplicialConeGaussian.js";
export * from "./measure/wilsonInterval.js";
export * from "./tensor/tensorBackend.js";
