/**
 * Golden cases: asfne, allocation spéciale du FNE (L322-4 2°, R322-7; rates of the arrêté of 15 Sept 1987,
 * secondary sources). SJR = annual gross / 365; P = PSS annuel / 365.
 * Allocation = 65 % × min(SJR, P) + 50 % × min(max(SJR − P, 0), P), floor = FNE minimum, ceiling 85 % × SJR last.
 * Parameters (rules/parameters): PSS annuel 1996 = 161 220 FRF, 2003 = 29 184 EUR;
 * FNE minimum 1996-01-01 = 159.85 FRF/day, 2003-01-01 = 26.89 EUR/day.
 */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const facts = {
  birthDate: "1938-06-15",
  yearsSocialSecurity: 38,
  yearsInCompany: 12,
  economicLayoff: true,
  declaredNotReclassable: true,
  annualReferenceWage: "120000.00",
};
const at1996 = (f: object) => run({ aid: "asfne", date: "1996-03-01", facts: { ...facts, ...f } });

describe("asfne — amounts", () => {
  it("SJR below the ceiling: 65 % band only", () => {
    // SJR = 120000 / 365 = 328.7671… → 328.77 ; 0.65 × 328.7671… = 213.6986… ; floor 159.85 < it ;
    // ceiling 0.85 × 328.7671… = 279.45 > it → 213.70
    const r = at1996({});
    expect(r.status).toBe("eligible");
    expect(r.amounts).toMatchObject({ dailyReferenceWage: "328.77", dailyAllocation: "213.70" });
  });

  it("SJR exactly at the ceiling P", () => {
    // SJR = P = 161220 / 365 = 441.6986… → 441.70 ; 0.65 × 441.6986… = 287.1041… → 287.10 ; no 50 % band
    expect(at1996({ annualReferenceWage: "161220" }).amounts).toMatchObject({ dailyReferenceWage: "441.70", dailyAllocation: "287.10" });
  });

  it("SJR between P and 2P: both bands", () => {
    // SJR = 250000 / 365 = 684.9315… ; 0.65 × 441.6986… = 287.1041… ; 0.50 × (684.9315… − 441.6986…) = 121.6164… ;
    // sum = 408.7205… ; ceiling 0.85 × 684.9315… = 582.19 → 408.72
    expect(at1996({ annualReferenceWage: "250000" }).amounts).toMatchObject({ dailyReferenceWage: "684.93", dailyAllocation: "408.72" });
  });

  it("the FNE minimum lifts a low allowance", () => {
    // SJR = 80000 / 365 = 219.1781… ; 0.65 × it = 142.47 < floor 159.85 → 159.85 ; ceiling 0.85 × 219.1781… = 186.30 → 159.85
    const r = at1996({ annualReferenceWage: "80000" });
    expect(r.amounts.dailyAllocation).toBe("159.85");
    expect(r.notes.join(" ")).toMatch(/Minimum FNE appliqué/);
  });

  it("the 85 % ceiling is applied last, below the floor", () => {
    // SJR = 50000 / 365 = 136.9863… ; 0.65 × it = 89.04 → floor 159.85 ; ceiling 0.85 × 136.9863… = 116.4383… → 116.44
    const r = at1996({ annualReferenceWage: "50000" });
    expect(r.amounts.dailyAllocation).toBe("116.44");
    expect(r.notes.join(" ")).toMatch(/Plafond de 85 %/);
  });

  it("euros; SJR above 2P after 5 May 1997: the 50 % band stops at 2P", () => {
    // 2003: P = 29184 / 365 = 79.9562… ; SJR = 70000 / 365 = 191.7808… > 2P = 159.91 ;
    // 0.65 × 79.9562… = 51.9715… ; 0.50 × 79.9562… = 39.9781… ; sum 91.9496… ; ceiling 163.01 → 91.95
    const r = run({ aid: "asfne", date: "2003-03-01", facts: { ...facts, birthDate: "1945-01-10", annualReferenceWage: "70000" } });
    expect(r.currency).toBe("EUR");
    expect(r.amounts).toMatchObject({ dailyReferenceWage: "191.78", dailyAllocation: "91.95" });
  });

  it("above 2P before 5 May 1997: undetermined (the 4P band of secondary sources is unconfirmed)", () => {
    // 400000 / 365 = 1095.89 > 2 × 441.70
    const r = at1996({ annualReferenceWage: "400000" });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["arrete-1987-09-15"]);
    expect(r.amounts).toEqual({});
  });

  it("no FNE minimum before 1984-04-01: undetermined, naming the parameter; an override fills it", () => {
    const f = { ...facts, birthDate: "1925-01-01" };
    const r = run({ aid: "asfne", date: "1983-06-01", facts: f });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["fne_allocation_minimale"]);
    const o = run({ aid: "asfne", date: "1983-06-01", facts: f, parameters: { fne_allocation_minimale: "100.00" } });
    expect(o.status).toBe("eligible");
    expect(o.parameters?.find((p) => p.id === "fne_allocation_minimale")).toMatchObject({ overridden: true, value: "100" });
  });
});

describe("asfne — end date (R322-7 al. 3)", () => {
  it("65 years and 3 months when no pension date is given", () => {
    // 1938-06-15 + 65 y 3 m = 2003-09-15
    expect(at1996({}).amounts.endDate).toBe("2003-09-15");
  });
  it("the pension date when earlier", () => {
    expect(at1996({ pensionDate: "2000-01-01" }).amounts.endDate).toBe("2000-01-01");
  });
  it("a day missing from the month becomes its last day", () => {
    // 1938-11-30 + 65 y 3 m = 2004-02-30 → 2004-02-29 (leap year)
    expect(at1996({ birthDate: "1938-11-30" }).amounts.endDate).toBe("2004-02-29");
  });
});

describe("asfne — conditions", () => {
  it("57 on the date, counted in full years", () => {
    // born 1939-03-01: 57 on 1996-03-01; born 1939-03-02: still 56
    expect(at1996({ birthDate: "1939-03-01" }).status).toBe("eligible");
    const r = at1996({ birthDate: "1939-03-02" });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "asfne.age").values).toMatchObject({ ageAtDate: 56 });
  });
  it("56 by derogation", () => {
    expect(at1996({ birthDate: "1940-03-01", ageDerogation: true }).status).toBe("eligible");
    expect(at1996({ birthDate: "1940-03-02", ageDerogation: true }).status).toBe("ineligible");
  });
  it("10 years of social security and 1 year in the company", () => {
    expect(at1996({ yearsSocialSecurity: 9 }).status).toBe("ineligible");
    expect(at1996({ yearsSocialSecurity: 10 }).status).toBe("eligible");
    expect(at1996({ yearsInCompany: 0.5 }).status).toBe("ineligible");
  });
  it("not declared unreclassable: ineligible", () => {
    expect(reason(at1996({ declaredNotReclassable: false }), "asfne.not-reclassable").passed).toBe(false);
  });
  it("R322-7 al. 4: a voluntary stop that lets a job seeker be hired", () => {
    expect(at1996({ economicLayoff: false }).status).toBe("ineligible");
    expect(at1996({ economicLayoff: false, voluntaryStopHiresJobSeeker: true }).status).toBe("eligible");
  });
  it("optional facts are never asked for", () => {
    const { economicLayoff: _, ...rest } = facts;
    expect(run({ aid: "asfne", date: "1996-03-01", facts: rest }).missing).toEqual(["economicLayoff"]);
  });
  it("no law after 2008-04-30", () => {
    expect(run({ aid: "asfne", date: "2008-05-01", facts }).status).toBe("no_law");
  });
});
