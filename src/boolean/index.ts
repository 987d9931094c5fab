/** `weightspace/boolean`: Boolean functions, truth tables, names, symmetry groups (building blocks). */
export * from "./encoding.js";
export * from "./names.js";
export * from "./symmetryGroup.js";
export * from "./tableOrder.js";
export * from "./tableSet.js";
export * from "./tableWords.js";
export * from "./truthTable.js";
export * from "./complexity/index.js";
