import { describe, expect, it } from "vitest";
import { choiceOption, integerOption, positiveRationalOption, UsageError } from "../../src/cli/usageError.js";

describe("option parsers", () => {
  it("integerOption accepts integers in range and names the option, range and text otherwise", () => {
    const parse = integerOption("--samples", 1, 1e12);
    expect(parse("1")).toBe(1);
    expect(parse("1000000")).toBe(1_000_000);
    expect(parse(" 7 ")).toBe(7);
    for (const bad of ["0", "-3", "1.5", "abc", "", "1e3", "0x10", "NaN", "1000000000001"]) {
      expect(() => parse(bad), bad).toThrow(UsageError);
      expect(() => parse(bad)).toThrow(`--samples must be an integer from 1 to 1000000000000, got '${bad}'`);
    }
  });

  it("positiveRationalOption accepts numbers > 0 exactly (decimal or p/q)", () => {
    const parse = positiveRationalOption("--sigma-w");
    expect(parse("1")).toEqual({ num: 1n, den: 1n });
    expect(parse("0.25")).toEqual({ num: 1n, den: 4n });
    expect(parse("2e-3")).toEqual({ num: 1n, den: 500n });
    expect(parse("1/3")).toEqual({ num: 1n, den: 3n });
    for (const bad of ["0", "-1", "NaN", "Infinity", "abc", "", " ", "0/5"]) {
      expect(() => parse(bad), bad).toThrow(UsageError);
      expect(() => parse(bad)).toThrow(/--sigma-w must be a number > 0/);
    }
  });

  it("choiceOption accepts the listed values and lists them otherwise", () => {
    const parse = choiceOption("--format", ["json", "text"] as const);
    expect(parse("json")).toBe("json");
    expect(() => parse("JSON")).toThrow("--format 'JSON' is unknown; allowed: json, text");
  });

  it("UsageError is an Error named UsageError", () => {
    const e = new UsageError("x");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("UsageError");
  });
});
