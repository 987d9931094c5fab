/** `weightspace/estimators`: volume estimators, the regions they probe, and the validation harness. */
export * from "./behaviouralRegion.js";
export * from "./bisectionRadius.js";
export * from "./chebyshevAnchor.js";
export * from "./coneRegion.js";
export * from "./directionAggregates.js";
export * from "./estimator.js";
export * from "./estimatorRegistry.js";
export * from "./functionRegion.js";
export * from "./preconditioner.js";
export * from "./probedRegion.js";
export * from "./randomDirectionEstimator.js";
export * from "./regionCost.js";
export * from "./userConeRegion.js";
export * from "./validateEstimator.js";
