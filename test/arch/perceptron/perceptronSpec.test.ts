import { describe, expect, it } from "vitest";
import {
  checkPerceptronSpec,
  coneRows,
  constrainingRows,
  formatConstraint,
  MAX_PERCEPTRON_INPUTS,
  type PerceptronSpec,
  parameterCount,
  parameterNames,
  rowVector,
} from "../../../src/arch/perceptron/perceptronSpec.js";

const spec = (inputs: number, bias = true, encoding: "binary" | "signed" = "binary"): PerceptronSpec => ({
  inputs,
  bias,
  encoding,
});

describe("checkPerceptronSpec", () => {
  it("accepts inputs 0..8 with a bias and 1..8 without", () => {
    expect(MAX_PERCEPTRON_INPUTS).toBe(8);
    for (let n = 0; n <= 8; n++) expect(() => checkPerceptronSpec(spec(n))).not.toThrow();
    for (let n = 1; n <= 8; n++) expect(() => checkPerceptronSpec(spec(n, false, "signed"))).not.toThrow();
  });

  it("names the problem and the allowed range", () => {
    expect(() => checkPerceptronSpec(spec(9))).toThrow("inputs must be an integer from 0 to 8, got 9");
    expect(() => checkPerceptronSpec(spec(-1))).toThrow(RangeError);
    expect(() => checkPerceptronSpec(spec(2.5))).toThrow(/got 2.5/);
    expect(() => checkPerceptronSpec(spec(0, false))).toThrow(/without bias.*1 to 8/);
  });
});

describe("parameters", () => {
  it("are w1 … wn then b", () => {
    expect(parameterNames(spec(3))).toEqual(["w1", "w2", "w3", "b"]);
    expect(parameterNames(spec(3, false))).toEqual(["w1", "w2", "w3"]);
    expect(parameterNames(spec(0))).toEqual(["b"]);
    expect(parameterCount(spec(3))).toBe(4);
    expect(parameterCount(spec(3, false))).toBe(3);
  });
});

describe("rows", () => {
  it("rowVector is (x, 1) with a bias and x without, MSB-first", () => {
    expect(rowVector(spec(2), 2)).toEqual([1, 0, 1]);
    expect(rowVector(spec(2, true, "signed"), 2)).toEqual([1, -1, 1]);
    expect(rowVector(spec(2, false), 1)).toEqual([0, 1]);
    expect(rowVector(spec(2, false, "signed"), 0)).toEqual([-1, -1]);
  });

  it("every row constrains except the zero input without bias in the binary encoding", () => {
    expect(constrainingRows(spec(2))).toEqual([0, 1, 2, 3]);
    expect(constrainingRows(spec(2, false))).toEqual([1, 2, 3]);
    expect(constrainingRows(spec(2, false, "signed"))).toEqual([0, 1, 2, 3]);
  });

  it("coneRows are s_r·x̃_r with s = +1 for output 1 and −1 for output 0 (AND, 2 inputs)", () => {
    const and = (r: number) => (r === 3 ? 1 : 0);
    expect(coneRows(spec(2), and)).toEqual([
      [-0, -0, -1],
      [-0, -1, -1],
      [-1, -0, -1],
      [1, 1, 1],
    ]);
    expect(coneRows(spec(2, false), and)).toEqual([
      [-0, -1],
      [-1, -0],
      [1, 1],
    ]);
  });
});

describe("constraint strings", () => {
  it("binary with bias: AND on 2 inputs", () => {
    const s = spec(2);
    expect(formatConstraint(s, 0, 0)).toBe("b<0");
    expect(formatConstraint(s, 1, 0)).toBe("w2+b<0");
    expect(formatConstraint(s, 2, 0)).toBe("w1+b<0");
    expect(formatConstraint(s, 3, 1)).toBe("w1+w2+b>0");
  });

  it("signed: leading minus signs", () => {
    const s = spec(2, true, "signed");
    expect(formatConstraint(s, 0, 0)).toBe("-w1-w2+b<0");
    expect(formatConstraint(s, 1, 0)).toBe("-w1+w2+b<0");
    expect(formatConstraint(s, 2, 1)).toBe("w1-w2+b>0");
    expect(formatConstraint(spec(3, true, "signed"), 5, 1)).toBe("w1-w2+w3+b>0");
  });

  it("without bias there is no b", () => {
    expect(formatConstraint(spec(2, false), 3, 1)).toBe("w1+w2>0");
    expect(formatConstraint(spec(3, false, "signed"), 0, 0)).toBe("-w1-w2-w3<0");
    for (let r = 0; r < 8; r++) expect(formatConstraint(spec(3, false), r, 1)).not.toMatch(/b/);
  });

});
