/** Money printed from an amount's digits is the text toFixed(2, half-up) gives; plan totals are exact sums of cents. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CentSum, D, money } from "@fne/engine";

const decimals = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((c) => new D(c).div(100)),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => new D(n)),
  fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => new D(n.toString()).div(new D(10).pow(k))),
  fc.constantFrom(new D(0), new D("-0"), new D("-0.00"), new D("0.005"), new D("-0.005"), new D("1e15"), new D("123456789012345.67"), new D("1e-9"), new D("-1e25"), new D(1).div(3)),
);

describe("money", () => {
  it("the same text as toFixed(2, half-up)", () => {
    fc.assert(
      fc.property(decimals, (d) => {
        expect(money(d)).toBe(d.toFixed(2, D.ROUND_HALF_UP));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("CentSum", () => {
  const amount = fc.oneof(
    fc.integer({ min: -1e11, max: 1e11 }),
    fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  ).map((c) => {
    const n = BigInt(c);
    const s = (n < 0n ? -n : n).toString().padStart(3, "0");
    return { cents: n, text: `${n < 0n ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}` };
  });
  it("sums amounts to the cent exactly, small and huge", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (xs) => {
        const sum = new CentSum();
        for (const x of xs) sum.add(x.text);
        expect(sum.cents).toBe(xs.reduce((a, x) => a + x.cents, 0n));
      }),
      { numRuns: 2000 },
    );
  });
  it("a partial sum past 2^52 moves into the exact one", () => {
    const sum = new CentSum();
    // 1000 × 99,999,999,999,999 cents: 10^17, past 2^52 (4.5 × 10^15) many times.
    for (let i = 0; i < 1000; i++) sum.add("999999999999.99");
    expect(sum.toString()).toBe("999999999999990.00");
  });
});
