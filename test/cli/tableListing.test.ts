import { describe, expect, it } from "vitest";
import { perceptronArchitecture } from "../../src/arch/perceptron/perceptronArchitecture.js";
import { classMode } from "../../src/cli/tableListing.js";

const listing = { all: false, expand: false };
const none = new Set<string>();

describe("classMode at 7 inputs", () => {
  it("lists NPN classes, except measured binary tables with bias, which list the priors' symmetry classes", () => {
    const binary = perceptronArchitecture({ inputs: 7, bias: true, encoding: "binary" });
    const signed = perceptronArchitecture({ inputs: 7, bias: true, encoding: "signed" });
    expect(classMode(binary, listing, none)).toBe("npn");
    expect(classMode(binary, listing, none, true)).toBe("symmetry");
    expect(classMode(signed, listing, none, true)).toBe("npn");
    expect(classMode(binary, { ...listing, classes: "npn" }, new Set(["classes"]), true)).toBe("npn");
  });

  it("keeps the defaults below 7 inputs whether or not the table is measured", () => {
    const six = perceptronArchitecture({ inputs: 6, bias: true, encoding: "binary" });
    const five = perceptronArchitecture({ inputs: 5, bias: true, encoding: "binary" });
    for (const measured of [false, true]) {
      expect(classMode(six, listing, none, measured)).toBe("symmetry");
      expect(classMode(five, listing, none, measured)).toBe("none");
    }
  });
});
