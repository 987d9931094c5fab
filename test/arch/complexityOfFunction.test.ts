import { describe, expect, it } from "vitest";
import { COMPLEXITY_MEASURES, complexityOfFunction } from "../../src/arch/complexityOfFunction.js";
import { parseFunction } from "../../src/boolean/truthTable.js";

describe("complexityOfFunction", () => {
  it("reports every measure by name, null with a reason where there is none", () => {
    const r = complexityOfFunction(parseFunction("0110"));
    expect(Object.keys(r)).toEqual(["function", "n", ...COMPLEXITY_MEASURES, "reasons"]);
    expect(r.facets).toBeNull();
    expect(r.minWeight).toBeNull();
    expect(Object.keys(r.reasons!)).toEqual(["facets", "minWeight"]);
    expect(r.sensitivity).toEqual({ fraction: "2/1", value: 2 });
  });

  it("only the requested measures", () => {
    const r = complexityOfFunction(parseFunction("0001"), { measures: ["minWeight", "entropy"] });
    expect(Object.keys(r)).toEqual(["function", "n", "entropy", "minWeight"]);
  });
});
