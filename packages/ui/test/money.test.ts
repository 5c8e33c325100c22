import { describe, expect, it } from "vitest";
import { formatDecimal, formatMoney, formatWithEuro, francsToEuros } from "../src/money.ts";

describe("money display", () => {
  it("groups digits per language without going through a float", () => {
    expect(formatDecimal("19266.00", "fr")).toBe("19\u202f266,00");
    expect(formatDecimal("19266.00", "en")).toBe("19,266.00");
    expect(formatDecimal("-13708.50", "fr")).toBe("−13\u202f708,50");
    expect(formatDecimal("12345678901234567.89", "en")).toBe("12,345,678,901,234,567.89");
    expect(formatMoney("0.00", "EUR", "fr")).toBe("0,00\u00a0€");
  });

  it("gives the euro equivalent of francs at 6.55957, half-up to the cent", () => {
    // 2366 / 6.55957 = 360.694… → 360.69 ; 19266 / 6.55957 = 2937.082… → 2937.08 ; 1000 / 6.55957 = 152.449… → 152.45
    expect(francsToEuros("2366.00")).toBe("360.69");
    expect(francsToEuros("19266.00")).toBe("2937.08");
    expect(francsToEuros("1000.00")).toBe("152.45");
    expect(formatWithEuro("845.00", "FRF", "fr")).toEqual({ main: "845,00\u00a0F", euro: "128,82\u00a0€" }); // 845 / 6.55957 = 128.819…
    expect(formatWithEuro("454.98", "EUR", "en")).toEqual({ main: "454.98\u00a0€" });
  });
});
