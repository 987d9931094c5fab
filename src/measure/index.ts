/** `weightspace/measure`: priors and the measures of cones under them (exact and Monte Carlo). */
export * from "./coneGaussian.js";
export * from "./cubeVolume.js";
export * from "./cubeVolumeByTriangulation.js";
export * from "./gaussianPrior.js";
export * from "./monteCarlo.js";
export * from "./orthantProbability.js";
export * from "./prior.js";
export * from "./priorFamilies.js";
export * from "./simplicialConeGaussian.js";
export * from "./uniformPrior.js";
export * from "./wilsonInterval.js";
export * from "./arrangementGaussian3.js";
export * from "./normalQuantile.js";
export * from "./smallConeMeasure.js";
export * from "./sobol.js";
