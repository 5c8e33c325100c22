/** money(): an amount to the cent is written out and padded, any other rounded half-up; both as toFixed(2) prints. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { D, money } from "@fne/engine";

describe("money", () => {
  it("prints exactly what toFixed(2, half-up) prints, whatever the decimals", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 8 }))
      .map(([n, places]) => new D(n.toString()).div(new D(10).pow(places)));
    fc.assert(fc.property(decimal, (d) => money(d) === d.toFixed(2, D.ROUND_HALF_UP)), { numRuns: 20_000 });
  });

  it.each([
    ["0", "0.00"],
    ["-0", "0.00"],
    ["5", "5.00"],
    ["5.1", "5.10"],
    ["0.005", "0.01"],
    ["-0.005", "-0.01"],
    ["1e21", "1000000000000000000000.00"],
  ])("%s → %s", (x, printed) => {
    expect(money(new D(x))).toBe(printed);
  });
});
