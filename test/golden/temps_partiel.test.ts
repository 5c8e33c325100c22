/**
 * Golden cases: temps_partiel, allocation complémentaire (L322-4 5°, R322-7-1; amounts of the arrêté of
 * 12 April 1994 from secondary sources). Lost hours a month = (prior − new weekly hours) × 52 / 12.
 * Per lost hour: year 1 max(40 % × hourly, floor 22 FRF / 3.35 EUR), year 2 max(20 % × hourly, 18 FRF / 2.74 EUR),
 * hourly pay counted up to 2 × PSS mensuel / (prior weekly hours × 52 / 12).
 * Cap (L322-4 5°): allocation ≤ max(0, 0.90 × prior net − new net). Total = 12 × year 1 + 12 × year 2.
 * Parameters: legal weekly duration 39 h (1982-02-01), 35 h (2000 above 20 employees, 2002 otherwise);
 * PSS mensuel 1996-01-01 = 13 330 FRF.
 */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const facts = {
  conventionDate: "1995-01-10",
  agreement: true,
  avoidsEconomicLayoffs: true,
  priorWeeklyHours: 39,
  newWeeklyHours: 31.2,
  priorHourlyGrossWage: "60.00",
  priorNetMonthlyWage: "7000.00",
  newNetMonthlyWage: "5000.00",
};
const at1996 = (f: object) => run({ aid: "temps_partiel", date: "1996-03-01", facts: { ...facts, ...f } });

describe("temps_partiel — amounts", () => {
  it("exactly 4/5 of the legal duration, cap not reached", () => {
    // 0.8 × 39 = 31.2 h allowed; lost = (39 − 31.2) × 52 / 12 = 33.8 h/month
    // hourly cap 2 × 13330 / (39 × 52 / 12) = 157.75 > 60 → 60
    // year 1: 0.40 × 60 = 24 ≥ 22 → 24 × 33.8 = 811.20 ; year 2: 0.20 × 60 = 12 < 18 → 18 × 33.8 = 608.40
    // cap = 0.90 × 7000 − 5000 = 1300.00 ; total = 12 × 811.20 + 12 × 608.40 = 9734.40 + 7300.80 = 17035.20
    const r = at1996({});
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({ monthlyYear1: "811.20", monthlyYear2: "608.40", capMonthly: "1300.00", total: "17035.20" });
    expect(r.capApplied).toBe(false);
  });

  it("the 90 % cap binds in year 1 only", () => {
    // cap = 0.90 × 7000 − 5500 = 800.00 < 811.20 → year 1 = 800.00 ; year 2 = 608.40
    // total = 12 × 800 + 12 × 608.40 = 9600 + 7300.80 = 16900.80
    const r = at1996({ newNetMonthlyWage: "5500.00" });
    expect(r.amounts).toEqual({ monthlyYear1: "800.00", monthlyYear2: "608.40", capMonthly: "800.00", total: "16900.80" });
    expect(r.capApplied).toBe(true);
  });

  it("the cap is rounded down to the cent, so that rounding never crosses 90 %", () => {
    // cap = 0.90 × 7000.05 − 5489.00 = 6300.045 − 5489.00 = 811.045 → 811.04 (down; half-up would give 811.05)
    // year 1: 811.20 > 811.04 → 811.04 (capped) ; year 2: 608.40 ; total = 12 × 811.04 + 12 × 608.40 = 17033.28
    const r = at1996({ priorNetMonthlyWage: "7000.05", newNetMonthlyWage: "5489.00" });
    expect(r.amounts).toEqual({ monthlyYear1: "811.04", monthlyYear2: "608.40", capMonthly: "811.04", total: "17033.28" });
    expect(r.capApplied).toBe(true);
  });

  it("the cap exactly equal to the amount does not count as applied", () => {
    // cap = 6300 − 5488.80 = 811.20 = year-1 amount
    const r = at1996({ newNetMonthlyWage: "5488.80" });
    expect(r.amounts).toMatchObject({ monthlyYear1: "811.20", capMonthly: "811.20" });
    expect(r.capApplied).toBe(false);
  });

  it("new net already above 90 % of prior net: allocation zero", () => {
    // capMonthly = 0.90 × 7000 − 6400 = −100.00 ; allocation = min(…, max(0, −100)) = 0
    const r = at1996({ newNetMonthlyWage: "6400.00" });
    expect(r.amounts).toEqual({ monthlyYear1: "0.00", monthlyYear2: "0.00", capMonthly: "-100.00", total: "0.00" });
    expect(r.capApplied).toBe(true);
  });

  it("the per-hour floors (22 F / 18 F)", () => {
    // 0.40 × 40 = 16 < 22 → 22 × 33.8 = 743.60 ; 0.20 × 40 = 8 < 18 → 18 × 33.8 = 608.40 ; cap 1300
    expect(at1996({ priorHourlyGrossWage: "40.00" }).amounts).toMatchObject({ monthlyYear1: "743.60", monthlyYear2: "608.40" });
  });

  it("prior pay counted up to 2 × PSS mensuel", () => {
    // hourly cap = 26660 / 169 = 157.7514… ; 0.40 × it × 33.8 = 26660 × 13.52 / 169 = 2132.80 ; 0.20 × … = 1066.40
    // cap = 0.90 × 40000 − 30000 = 6000
    const r = at1996({ priorHourlyGrossWage: "200.00", priorNetMonthlyWage: "40000", newNetMonthlyWage: "30000" });
    expect(r.amounts).toMatchObject({ monthlyYear1: "2132.80", monthlyYear2: "1066.40" });
  });

  it("euros in 2005, 35-hour week", () => {
    // 0.8 × 35 = 28 allowed; lost = 7 × 52 / 12 = 30.3333… ; 0.40 × 10 = 4 ≥ 3.35 → 4 × 30.3333… = 121.33
    // 0.20 × 10 = 2 < 2.74 → 2.74 × 30.3333… = 83.1133… → 83.11 ; cap 0.90 × 1200 − 950 = 130
    // total = 12 × 121.33 + 12 × 83.11 = 1455.96 + 997.32 = 2453.28
    const r = run({
      aid: "temps_partiel",
      date: "2005-03-01",
      facts: { ...facts, conventionDate: "2004-11-02", priorWeeklyHours: 35, newWeeklyHours: 28, priorHourlyGrossWage: "10.00", priorNetMonthlyWage: "1200", newNetMonthlyWage: "950" },
    });
    expect(r.currency).toBe("EUR");
    // One rule version since 1.2.1: the floors are constants dated by the case date (FRF, then EUR from 2002).
    expect(r.version).toBe("temps_partiel@R322-7-1");
    expect(r.working?.monthlyYear2?.steps?.find((x) => x.name === "rawYear2")?.steps?.find((x) => x.name === "floorYear2")).toMatchObject({ value: "2.74", unit: "EUR" });
    expect(r.amounts).toEqual({ monthlyYear1: "121.33", monthlyYear2: "83.11", capMonthly: "130.00", total: "2453.28" });
  });
});

describe("temps_partiel — conditions and dates", () => {
  it("a little more than 4/5 of the legal duration: ineligible", () => {
    const r = at1996({ newWeeklyHours: 31.3 });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "temps_partiel.one-fifth-below").values).toEqual({ newWeeklyHours: 31.3, maxNewWeeklyHours: "31.2" });
  });

  it("no agreement, or no layoffs avoided: ineligible", () => {
    expect(at1996({ agreement: false }).status).toBe("ineligible");
    expect(at1996({ avoidsEconomicLayoffs: false }).status).toBe("ineligible");
  });

  it("a prior job below the legal duration is not full time", () => {
    expect(reason(at1996({ priorWeeklyHours: 38 }), "temps_partiel.full-time").passed).toBe(false);
  });

  it("2000–2001: the company size picks the legal duration", () => {
    const f = { ...facts, conventionDate: "1999-06-01", priorWeeklyHours: 39, newWeeklyHours: 31 };
    const none = run({ aid: "temps_partiel", date: "2000-06-01", facts: f });
    expect(none.status).toBe("undetermined");
    expect(none.missing).toEqual(["companyHeadcount"]);
    // 20 employees or fewer: 39 h until 2002 → 31 ≤ 31.2 → eligible
    expect(run({ aid: "temps_partiel", date: "2000-06-01", facts: { ...f, companyHeadcount: 20 } }).status).toBe("eligible");
    // more than 20: 35 h from 2000 → 0.8 × 35 = 28 < 31 → ineligible
    expect(run({ aid: "temps_partiel", date: "2000-06-01", facts: { ...f, companyHeadcount: 21 } }).status).toBe("ineligible");
    // outside 2000–2001 the size is not asked
    expect(run({ aid: "temps_partiel", date: "1999-06-01", facts: f }).missing).toEqual([]);
  });

  it("conventions before the arrêté of 12 April 1994: undetermined, saying why", () => {
    const before = at1996({ conventionDate: "1994-04-11" });
    expect(before.status).toBe("undetermined");
    expect(before.missing).toEqual(["arrete-1989-09-11"]);
    expect(before.notes.join(" ")).toMatch(/11 septembre 1989/);
    expect(at1996({ conventionDate: "1994-04-12" }).status).toBe("eligible");
  });

  it("the convention's scope names the authority (R322-1-1), as for every L322-4 convention", () => {
    expect(at1996({}).authority).toBe("préfet ou ministre chargé du travail, selon le champ de la convention");
    expect(at1996({ conventionScope: "departement" }).authority).toBe("préfet");
    expect(at1996({ conventionScope: "multi_departement" }).authority).toBe("ministre chargé du travail");
  });

  it("cites the 5° with its 90 % cap in the 2005–2008 wording, and R322-7-1", () => {
    const r = at1996({});
    expect(reason(r, "temps_partiel.agreement").citation).toEqual({ article: "L322-4", from: "2005-01-01", to: "2008-04-30", paragraph: 7 });
    expect(r.legalBasis.map((b) => b.article)).toContain("R322-7-1");
  });

  it("no law after 2008-04-30, naming R5123-40 and R5123-41", () => {
    const r = run({ aid: "temps_partiel", date: "2008-05-01", facts });
    expect(r.status).toBe("no_law");
    expect(r.successor).toEqual({ articles: ["R5123-40", "R5123-41"], from: "2008-05-01" });
  });
});

describe("temps_partiel — questions of the audit (1.2.0)", () => {
  it("zero new weekly hours is not a part-time job (L322-4 5°); half an hour is", () => {
    const zero = at1996({ newWeeklyHours: 0 });
    expect(zero.status).toBe("ineligible");
    expect(zero.reasons.filter((x) => x.passed === false).map((x) => x.rule)).toEqual(["temps_partiel.some-hours"]);
    // 0.5 h: lost (39 − 0.5) × 52 / 12 = 166.8333… ; year 1 24 × 166.8333… = 4004.00 ; year 2 18 × 166.8333… = 3003.00 ;
    // cap 0.90 × 7000 − 5000 = 1300.00 binds both ; total 12 × 1300 + 12 × 1300 = 31200.00
    const half = at1996({ newWeeklyHours: 0.5 });
    expect(half.status).toBe("eligible");
    expect(half.amounts).toEqual({ monthlyYear1: "1300.00", monthlyYear2: "1300.00", capMonthly: "1300.00", total: "31200.00" });
  });

  it("a convention concluded in 2003 still opens the allowance: L322-4 5° and R322-7-1 stay in force until 2008-04-30", () => {
    // 35 h: lost 7 × 52 / 12 = 30.3333… ; 0.40 × 10 = 4 ≥ 3.35 → 121.33 ; 2.74 × 30.3333… = 83.1133… → 83.11 ;
    // cap 0.90 × 1200 − 950 = 130 ; total 12 × 121.33 + 12 × 83.11 = 1455.96 + 997.32 = 2453.28
    const r = run({
      aid: "temps_partiel",
      date: "2003-06-01",
      facts: { ...facts, conventionDate: "2003-01-15", priorWeeklyHours: 35, newWeeklyHours: 28, priorHourlyGrossWage: "10.00", priorNetMonthlyWage: "1200", newNetMonthlyWage: "950" },
    });
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({ monthlyYear1: "121.33", monthlyYear2: "83.11", capMonthly: "130.00", total: "2453.28" });
    expect(r.notes.join(" ")).toMatch(/2008-244/);
  });

  it("a convention before 12 April 1994: the pay facts cannot change the answer and are not asked", () => {
    // Its amounts are those of the arrêté of 11 September 1989, not in our sources: only that is missing.
    const { priorHourlyGrossWage: _, priorNetMonthlyWage: __, newNetMonthlyWage: ___, ...rest } = facts;
    const r = run({ aid: "temps_partiel", date: "1996-03-01", facts: { ...rest, conventionDate: "1993-06-01" } });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["arrete-1989-09-11"]);
  });

  it("opens with the arrêté of 11 September 1989: no law on 1989-09-10", () => {
    expect(run({ aid: "temps_partiel", date: "1989-09-10", facts }).status).toBe("no_law");
    const first = run({ aid: "temps_partiel", date: "1989-09-11", facts: { ...facts, conventionDate: "1989-09-11" } });
    expect(first.status).toBe("undetermined");
    expect(first.missing).toEqual(["arrete-1989-09-11"]);
    expect(run({ aid: "temps_partiel", date: "1900-01-01", facts }).status).toBe("no_law");
  });
});
