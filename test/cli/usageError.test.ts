import { describe, expect, it } from "vitest";
import { choiceOption, integerOption, positiveRationalOption, UsageError } from "../../src/cli/usageError.js";

describe("option parsers", () => {
  it("integerOption accepts integers in range and names the option, range and text otherwise", () => {
    const parse = integerOption("--samples", 1, 1e12);
    expect(parse("1")).toBe(1);
    expect(parse("1000000")).toBe(1_000_000);
    expect(parse(" 7 ")).toBe(7);
    // The forms the help shows: scientific notation that denotes an integer.
    expect(parse("1e3")).toBe(1000);
    expect(parse("2.5e3")).toBe(2500);
    expect(parse("1e12")).toBe(1e12);
    for (const bad of ["0", "-3", "1.5", "abc", "", "1e-3", "1.5e0", "0x10", "NaN", "1000000000001", "2e12"]) {
      expect(() => parse(bad), bad).toThrow(UsageError);
      expect(() => parse(bad)).toThrow(`--samples must be an integer from 1 to 1000000000000 (e.g. 1000 or 1e3), got '${bad}'`);
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
