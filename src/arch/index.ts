/** `weightspace/arch`: the architecture interface, the registry, the perceptron's and the layered nets' building blocks. */
export * from "./architecture.js";
export * from "./classMeasures.js";
export * from "./complexityOfFunction.js";
export * from "./coneImplicitRegion.js";
export * from "./layered/layeredArchitecture.js";
export * from "./layered/layeredSpec.js";
export * from "./layered/reluMinimalWidth.js";
export * from "./layered/reluOutputMeasure.js";
export * from "./layered/reluPatternCone.js";
export * from "./layered/reluPatternSearch.js";
export * from "./layered/reluRaoBlackwell.js";
export * from "./layered/reluRegion.js";
export * from "./measureClasses.js";
export * from "./listedMonteCarloTable.js";
export * from "./monteCarloTable.js";
export * from "./perceptron/functionSource.js";
export * from "./perceptron/perceptronArchitecture.js";
export * from "./perceptron/perceptronRegion.js";
export * from "./perceptron/perceptronSpec.js";
export * from "./perceptron/publishedCounts.js";
export * from "./perceptron/symmetryClasses.js";
export * from "./perceptron/thresholdComplexity.js";
export * from "./perceptron/thresholdClassRegions.js";
export {
  enumerateThresholdFunctions,
  NPN_CLASS_COUNTS,
  THRESHOLD_COUNTS,
  type ThresholdClass,
  type ThresholdEnumeration,
} from "./perceptron/thresholdEnumeration.js";
export * from "./registry.js";
export * from "./shardRanges.js";
