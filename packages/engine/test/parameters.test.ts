/** Dated parameters: step functions, gaps of the minimum garanti, currencies. Values from rules/parameters. */
import { describe, expect, it } from "vitest";
import { getRuntime } from "@fne/engine";
import { inCurrency, stepAt } from "../src/parameters.ts";

const rt = getRuntime();
const at = (id: string, date: string) => {
  const s = stepAt(rt.parameters.get(id)!, date);
  return s && inCurrency(s, date < "2002-01-01" ? "FRF" : "EUR").toString();
};

describe("parameter series", () => {
  it("minimum garanti on 1983-07-14 is 11.96 FRF (décret 83-565, from 1983-07-01)", () => {
    expect(at("minimum_garanti", "1983-07-14")).toBe("11.96");
    expect(at("minimum_garanti", "1983-07-01")).toBe("11.96");
    // 11.53 FRF from 1983-03-01 is only known until the SMIC change of 1983-06-01 (a listed gap).
    expect(at("minimum_garanti", "1983-05-31")).toBe("11.53");
    expect(at("minimum_garanti", "1983-06-30")).toBeUndefined();
  });

  it("a minimum garanti past its known_valid_until is unknown (gap), never carried forward", () => {
    // 14.38 FRF from 1987-03-01 is only known until 1987-07-01; the next value is 1995-07-01.
    expect(at("minimum_garanti", "1987-06-30")).toBe("14.38");
    expect(at("minimum_garanti", "1990-01-01")).toBeUndefined();
  });

  it("a step function holds until the next value", () => {
    // SMIC horaire: 37.91 FRF from 1996-07-01 (rules/parameters/smic_horaire_brut.json), next change 1997-07-01.
    expect(at("smic_horaire_brut", "1996-07-01")).toBe("37.91");
    expect(at("smic_horaire_brut", "1997-06-30")).toBe("37.91");
  });

  it("a value stored in euros before 2002 is read in francs for a franc date (FNE 2001, 25.92 EUR)", () => {
    // 25.92 × 6.55957 = 170.0240544 FRF
    expect(at("fne_allocation_minimale", "2001-06-01")).toBe("170.0240544");
  });

  it("dates before a series starts are unknown", () => {
    expect(at("minimum_garanti", "1979-11-30")).toBeUndefined();
  });
});
