import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatConstraints, formatLinearForm } from "../../src/geometry/formatLinearForm.js";
import { parseConstraints } from "../../src/geometry/parseConstraints.js";

/** The RangeError message parseConstraints throws for `text` (fails the test if none). */
function errorOf(text: string): string {
  try {
    parseConstraints(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    const message = (e as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe("parseConstraints: text", () => {
  it("reads the documented forms, in order of first appearance", () => {
    const s = parseConstraints("2*w1-w3+b>0\nw1 - 2 w2 > 0\n\n# a comment\n3x1 > w2  # trailing comment\n");
    expect(s.names).toEqual(["w1", "w3", "b", "w2", "x1"]);
    expect(s.rows).toEqual([
      [2n, -1n, 1n, 0n, 0n],
      [1n, 0n, 0n, -2n, 0n],
      [0n, 0n, 0n, -1n, 3n],
    ]);
  });

  it("reads '<', forms on both sides, repeated variables, indexed names and CRLF", () => {
    const s = parseConstraints("w1+b<0\r\nW1[0][1] + w1 > 2 W1[0][1] - w1 + w1\r\n");
    expect(s.names).toEqual(["w1", "b", "W1[0][1]"]);
    expect(s.rows).toEqual([
      [-1n, -1n, 0n],
      [1n, 0n, -1n],
    ]);
  });

  it("a '# names:' header fixes the order and keeps unused variables", () => {
    const s = parseConstraints("# names: a, b,c d\nc - a > 0\n");
    expect(s.names).toEqual(["a", "b", "c", "d"]);
    expect(s.rows).toEqual([[-1n, 0n, 1n, 0n]]);
    expect(parseConstraints("#names: x y").rows).toEqual([]);
  });

  it("keeps big coefficients exact and a cancelled row as a zero row", () => {
    const s = parseConstraints("123456789012345678901234567890*x - y > 0\nx - x > 0\n");
    expect(s.rows).toEqual([
      [123456789012345678901234567890n, -1n],
      [0n, 0n],
    ]);
  });

  it.each([
    ["x1 >= 0", /line 1: '>=' .*only strict '>'/],
    ["x1 > 0\n\nx2 ≥ 0", /line 3: '≥' .*only strict/],
    ["x1 = 0", /line 1: '=' .*only strict/],
    ["x1 > 0\n0.5*x2 > 0", /line 2: coefficient 0\.5 is not an integer/],
    ["x1 + 1 > 0", /line 1: constant term 1 is not allowed/],
    ["x1 > 2", /line 1: constant term -2 is not allowed/],
    ["x1 & x2 > 0", /line 1: unexpected '&'/],
    ["x1 x2 > 0", /line 1: missing '\+' or '-'/],
    ["x1 + > 0", /line 1: expected a coefficient or a variable/],
    ["2* > x", /line 1: '\*' must be followed by a variable/],
    ["> x1", /line 1: the left-hand side is empty/],
    ["x1 >", /line 1: the right-hand side is empty/],
    ["# c\nx1 + x2", /line 2: no '>'/],
    ["x1 > x2 > 0", /line 1: more than one/],
    ["x1 > 0\n# names: x1", /line 2: the '# names:' header must come before/],
    ["# names: a\n# names: b", /line 2: a second '# names:' header \(the first is on line 1\)/],
    ["# names: a, a", /line 1: the name 'a' appears twice/],
    ["# names: a, 1b", /line 1: '1b' is not a valid name/],
    ["# names:", /line 1: the '# names:' header lists no names/],
    ["# names: a, b\na > 0\nc > 0", /line 3: unknown variable 'c' \(not in the '# names:' header on line 1\)/],
    ["", /empty input/],
    ["  \n# only a comment\n\n", /empty input/],
  ])("rejects %j", (text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });
});

describe("parseConstraints: JSON", () => {
  it("reads numbers and decimal strings, default names x1 … xd", () => {
    const s = parseConstraints('{ "rows": [[1, -2, 0], ["-123456789012345678901", "0", 3]] }');
    expect(s.names).toEqual(["x1", "x2", "x3"]);
    expect(s.rows).toEqual([
      [1n, -2n, 0n],
      [-123456789012345678901n, 0n, 3n],
    ]);
  });

  it("takes names, and the dimension from names when there are no rows", () => {
    expect(parseConstraints('{"rows":[[1,2]],"names":["w","b"]}').names).toEqual(["w", "b"]);
    expect(parseConstraints('  {"rows":[],"names":["a","b","c"]}')).toEqual({ names: ["a", "b", "c"], rows: [] });
  });

  it.each([
    ['{"rows":[[1,2],[3]]}', /rows\[1\] has 1 entries, rows\[0\] has 2 \(ragged/],
    ['{"rows":[[1,2.5]]}', /rows\[0\]\[1\] = 2\.5 is not an integer/],
    ['{"rows":[[1,"2.5"]]}', /rows\[0\]\[1\] = "2\.5" is not an integer/],
    ['{"rows":[[1,null]]}', /rows\[0\]\[1\] = null is not an integer/],
    ['{"rows":[[1,12345678901234567890]]}', /beyond 2\^53; write big integers as decimal strings/],
    ['{"rows":[[1,2]],"names":["a"]}', /"names" has 1 entries but the rows have 2/],
    ['{"rows":[[1,2]],"names":["a","a"]}', /the name 'a' appears twice/],
    ['{"rows":[[1,2]],"names":["a",3]}', /"names" must be an array of strings/],
    ['{"rows":[]}', /no rows and no "names"/],
    ['{"rows":[[]]}', /rows\[0\] is empty/],
    ['{"row":[[1]]}', /unknown JSON field 'row'/],
    ['{"names":["a"]}', /"rows" is missing/],
    ['{"rows":[1,2]}', /rows\[0\] is not an array/],
    ['{"rows":[[1,2]', /invalid JSON/],
  ])("rejects %s", (text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });
});

describe("formatLinearForm", () => {
  it("prints unit coefficients bare, drops zeros, prints the zero form as 0", () => {
    expect(formatLinearForm([2n, 0n, -1n, 1n], ["w1", "w2", "w3", "b"])).toBe("2*w1-w3+b");
    expect(formatLinearForm([-3, 1], ["a", "b"])).toBe("-3*a+b");
    expect(formatLinearForm([0n, 0n], ["a", "b"])).toBe("0");
    expect(() => formatLinearForm([1n], ["a", "b"])).toThrow(RangeError);
  });
});

const nameArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,4}(\[\d\]){0,2}$/);
const systemArb = fc.uniqueArray(nameArb, { minLength: 1, maxLength: 6 }).chain((names) =>
  fc.record({
    names: fc.constant(names),
    rows: fc.array(
      fc.array(fc.oneof(fc.bigInt(-3n, 3n), fc.bigInt(-(2n ** 80n), 2n ** 80n)), {
        minLength: names.length,
        maxLength: names.length,
      }),
      { maxLength: 6 },
    ),
  }),
);

describe("round trips", () => {
  it("format rows → parse → the same rows and names (text)", () => {
    fc.assert(
      fc.property(systemArb, ({ names, rows }) => {
        expect(parseConstraints(formatConstraints(rows, names))).toEqual({ names, rows });
      }),
    );
  });

  it("rows → JSON with decimal strings → parse → the same rows", () => {
    fc.assert(
      fc.property(systemArb, ({ names, rows }) => {
        const json = JSON.stringify({ rows: rows.map((r) => r.map(String)), names });
        expect(parseConstraints(json)).toEqual({ names, rows });
      }),
    );
  });
});
