/** `weightspace/experiments`: simplicity-bias analyses of exact tables. */
export * from "./antiEntropyCheck.js";
export * from "./bootstrapInterval.js";
export * from "./classOrbits.js";
export * from "./entropyBias.js";
export * from "./functionPopulation.js";
export * from "./measurePoints.js";
export * from "./multinomialDraw.js";
export * from "./measureSymmetry.js";
export * from "./rankCorrelation.js";
export * from "./rankProbability.js";
export * from "./simplicityBias.js";
export * from "./topFunctions.js";
export * from "./upperBoundFit.js";
export * from "./weightedSample.js";
