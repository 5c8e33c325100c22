/**
 * Golden cases: conversion, allocation de conversion (L322-4 4°; rates from secondary sources, DOMAIN.md).
 * Monthly = max(65 % × average gross monthly pay, 85 % × SMIC horaire × SMIC monthly hours), rounded to the cent;
 * total = monthly × months; the State reimburses the employer 50 % at most (counted at 50 %).
 * Parameters: SMIC horaire 1995-07-01 = 36.98 FRF, 2002-07-01 = 6.83 EUR; monthly hours 169 (1982), 151.67 (2002).
 */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const conv = (date: string, averageMonthlyGrossWage: string, leaveMonths: number) =>
  run({ aid: "conversion", date, facts: { averageMonthlyGrossWage, leaveMonths } });

describe("conversion", () => {
  it("65 % of the average pay above the SMIC floor (FRF)", () => {
    // 0.65 × 10000 = 6500.00 ; 0.85 × 36.98 × 169 = 0.85 × 6249.62 = 5312.18 < 6500 ; total 6 × 6500 = 39000.00
    const r = conv("1996-03-01", "10000.00", 6);
    expect(r.amounts).toEqual({ monthlyAllocation: "6500.00", total: "39000.00" });
    expect(r.costs).toEqual({ employer: "19500.00", state: "19500.00", employee: "39000.00" });
  });

  it("85 % of the monthly SMIC as the floor", () => {
    // 0.65 × 7000 = 4550 < 0.85 × 6249.62 = 5312.177 → 5312.18 ; × 10 = 53121.80 ; State 50 % = 26560.90
    const r = conv("1996-03-01", "7000.00", 10);
    expect(r.amounts).toEqual({ monthlyAllocation: "5312.18", total: "53121.80" });
    expect(r.costs?.state).toBe("26560.90");
  });

  it("euros (2003): SMIC 6.83 × 151.67 h", () => {
    // 6.83 × 151.67 = 1035.9061 ; × 0.85 = 880.520185 → 880.52 > 0.65 × 1200 = 780 ; × 4 = 3522.08
    const r = conv("2003-03-01", "1200", 4);
    expect(r.currency).toBe("EUR");
    expect(r.amounts).toEqual({ monthlyAllocation: "880.52", total: "3522.08" });
  });

  it("the leave lasts 4 to 10 months", () => {
    expect(conv("1996-03-01", "10000", 3).status).toBe("ineligible");
    expect(reason(conv("1996-03-01", "10000", 11), "conversion.length").passed).toBe(false);
    expect(conv("1996-03-01", "10000", 4).status).toBe("eligible");
    expect(conv("1996-03-01", "10000", 10).status).toBe("eligible");
  });

  it("the SMIC is read at the date, with its reference", () => {
    const r = conv("1996-03-01", "10000", 6);
    expect(r.parameters?.find((p) => p.id === "smic_horaire_brut")).toMatchObject({ value: "36.98", from: "1995-07-01", overridden: false });
  });
});

describe("conversion — the SMIC of 1 July 1986 (décret 86-805, art. 1; audit defect 2)", () => {
  // SMIC horaire: 26.59 F from 1986-06-01 (arrêté du 30 mai 1986), 26.92 F from 1986-07-01 (décret 86-805 art. 1,
  // not 1986-07-07 as the openfisca series said); 169 h a month since 1982-02-01. Floor = 85 % × SMIC × 169.
  it("1986-06-30: 26.59 F", () => {
    // 26.59 × 169 = 4493.71 ; × 0.85 = 3819.6535 → 3819.65 > 0.65 × 5000 = 3250 ; × 4 = 15278.60
    const r = conv("1986-06-30", "5000.00", 4);
    expect(r.amounts).toEqual({ monthlyAllocation: "3819.65", total: "15278.60" });
    expect(r.parameters?.find((p) => p.id === "smic_horaire_brut")).toMatchObject({ value: "26.59", from: "1986-06-01" });
  });
  it.each(["1986-07-01", "1986-07-06"])("%s: 26.92 F", (date) => {
    // 26.92 × 169 = 4549.48 ; × 0.85 = 3867.058 → 3867.06 ; × 4 = 15468.24
    const r = conv(date, "5000.00", 4);
    expect(r.amounts).toEqual({ monthlyAllocation: "3867.06", total: "15468.24" });
    expect(r.parameters?.find((p) => p.id === "smic_horaire_brut")).toMatchObject({ value: "26.92", from: "1986-07-01" });
  });
});

describe("conversion — first version (L322-4 of 1985-08-06)", () => {
  it("no law on 1985-08-05; in force on 1985-08-06", () => {
    expect(conv("1985-08-05", "5000.00", 4).status).toBe("no_law");
    // SMIC 26.04 F (1985-07-01) × 169 = 4400.76 ; × 0.85 = 3740.646 → 3740.65 > 0.65 × 5000 = 3250 ; × 4 = 14962.60
    expect(conv("1985-08-06", "5000.00", 4).amounts).toEqual({ monthlyAllocation: "3740.65", total: "14962.60" });
  });
});
