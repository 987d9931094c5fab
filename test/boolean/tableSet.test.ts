import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TableMap } from "../../src/boolean/tableSet.js";

type Op = { kind: "set"; key: number[]; value: number } | { kind: "get"; key: number[] };

/** Keys from a small pool (so that sets and gets collide) of `width` 32-bit words. */
const opsArb = (width: number) => {
  const key = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(0xffffffff), fc.nat()), {
    minLength: width,
    maxLength: width,
  });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), key, value: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
    fc.record({ kind: fc.constant("get" as const), key }),
  );
  return fc.array(op, { maxLength: 300 });
};

describe("TableMap behaves like a Map from word arrays to values", () => {
  it("get / setIfAbsent / size / forEach agree with Map (including growth from capacity 16)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((w) => fc.tuple(fc.constant(w), opsArb(w), fc.integer({ min: 1, max: 8 }))),
        ([width, ops, expected]) => {
          const m = new TableMap(width, expected);
          const model = new Map<string, number>();
          for (const op of ops) {
            const k = Uint32Array.from(op.key);
            const s = Array.from(k).join(",");
            if (op.kind === "set") {
              const isNew = !model.has(s);
              expect(m.setIfAbsent(k, op.value)).toBe(isNew);
              if (isNew) model.set(s, op.value);
            } else {
              expect(m.get(k)).toBe(model.get(s) ?? -1);
            }
            expect(m.size).toBe(model.size);
          }
          const seen = new Map<string, number>();
          m.forEach((key, value) => {
            const s = Array.from(key).join(",");
            expect(seen.has(s)).toBe(false);
            seen.set(s, value);
          });
          expect(seen).toEqual(model);
          for (const [s, v] of model) expect(m.get(Uint32Array.from(s.split(",").map(Number)))).toBe(v);
        },
      ),
      { seed: 401, numRuns: 200 },
    );
  });

  it("holds 100,000 distinct keys after many growths", () => {
    const m = new TableMap(2, 1);
    const k = new Uint32Array(2);
    let added = 0;
    for (let i = 0; i < 100_000; i++) {
      k[0] = Math.imul(i, 0x9e3779b1) >>> 0;
      k[1] = i & 7;
      if (m.setIfAbsent(k, i)) added++;
    }
    expect(added).toBe(100_000);
    expect(m.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997) {
      k[0] = Math.imul(i, 0x9e3779b1) >>> 0;
      k[1] = i & 7;
      expect(m.get(k)).toBe(i);
      expect(m.setIfAbsent(k, 0)).toBe(false);
    }
    k[0] = 1;
    k[1] = 99;
    expect(m.get(k)).toBe(-1);
    let count = 0;
    m.forEach(() => {
      count++;
    });
    expect(count).toBe(100_000);
  });

  it("does not keep a reference to the caller's key array", () => {
    const m = new TableMap(1);
    const k = Uint32Array.of(7);
    m.setIfAbsent(k, 3);
    k[0] = 8;
    expect(m.get(Uint32Array.of(7))).toBe(3);
    expect(m.get(Uint32Array.of(8))).toBe(-1);
  });
});
