/**
 * Golden cases: asfne, allocation spéciale du FNE (L322-4 2°, R322-7; rates of the arrêté of 15 Sept 1987,
 * secondary sources). SJR = annual gross / 365; P = PSS annuel / 365.
 * Allocation = 65 % × min(SJR, P) + 50 % × min(max(SJR − P, 0), P), floor = FNE minimum, ceiling 85 % × SJR last.
 * End: the pension date, at the latest the age limit of R322-7 in force: 65 years 3 months (1983-07-24 … 1984-03-31),
 * 65 years (1998-11-14 … 2008-04-30); the other versions' wording is not in our sources: end date undetermined.
 * Parameters (rules/parameters): PSS annuel 1983 = 91 680, 1984 = 99 600, 1996 = 161 220, 1998 = 169 080 FRF,
 * 2003 = 29 184 EUR; FNE minimum 1984-04-01 = 116, 1996-01-01 = 159.85, 1998-01-01 = 163.55 FRF/day,
 * 2003-01-01 = 26.89 EUR/day (none before 1984-04-01).
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
const euro = { ...facts, birthDate: "1945-01-10", annualReferenceWage: "30000" };
const at2003 = (f: object) => run({ aid: "asfne", date: "2003-03-01", facts: { ...euro, ...f } });

describe("asfne — daily amounts (1996: R322-7 wording not in our sources, end date open)", () => {
  it("SJR below the ceiling: 65 % band only; the daily amounts stay answered", () => {
    // SJR = 120000 / 365 = 328.7671… → 328.77 ; 0.65 × 328.7671… = 213.6986… ; floor 159.85 < it ;
    // ceiling 0.85 × 328.7671… = 279.45 > it → 213.70
    const r = at1996({});
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["R322-7"]);
    expect(r.reasons.every((x) => x.passed === true)).toBe(true);
    expect(r.amounts).toEqual({ dailyReferenceWage: "328.77", dailyAllocation: "213.70" });
    expect(r.version).toBe("asfne@R322-7");
  });

  it("SJR exactly at the ceiling P", () => {
    // SJR = P = 161220 / 365 = 441.6986… → 441.70 ; 0.65 × 441.6986… = 287.1041… → 287.10 ; no 50 % band
    expect(at1996({ annualReferenceWage: "161220" }).amounts).toMatchObject({ dailyReferenceWage: "441.70", dailyAllocation: "287.10" });
  });

  it("SJR between P and 2P: both bands, the convention date not asked", () => {
    // SJR = 250000 / 365 = 684.9315… ≤ 2P = 883.39 ; 0.65 × 441.6986… = 287.1041… ; 0.50 × (684.9315… − 441.6986…) = 121.6164… ;
    // sum = 408.7205… ; ceiling 0.85 × 684.9315… = 582.19 → 408.72
    const r = at1996({ annualReferenceWage: "250000" });
    expect(r.amounts).toMatchObject({ dailyReferenceWage: "684.93", dailyAllocation: "408.72" });
    expect(r.missing).toEqual(["R322-7"]);
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

  it("no FNE minimum before 1984-04-01: undetermined, naming the parameter; an override fills it", () => {
    // 1983-08-01 (R322-7 of 1983: 65 years 3 months). SJR = 60000 / 365 = 164.3835… < P = 91680 / 365 = 251.18 ;
    // 0.65 × 164.3835… = 106.8493… → 106.85 ≥ floor 100.00 (override) ; ceiling 0.85 × 164.38… = 139.73 → 106.85
    // end: 1925-06-15 + 65 y 3 m = 1990-09-15
    const f = { ...facts, birthDate: "1925-06-15", annualReferenceWage: "60000" };
    const r = run({ aid: "asfne", date: "1983-08-01", facts: f });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["fne_allocation_minimale"]);
    const o = run({ aid: "asfne", date: "1983-08-01", facts: f, parameters: { fne_allocation_minimale: "100.00" } });
    expect(o.status).toBe("eligible");
    expect(o.amounts).toEqual({ dailyReferenceWage: "164.38", dailyAllocation: "106.85", endDate: "1990-09-15" });
    expect(o.parameters?.find((p) => p.id === "fne_allocation_minimale")).toMatchObject({ overridden: true, value: "100" });
  });
});

describe("asfne — the 50 % band above two ceilings, by the convention date (R322-7 of 1998-11-14)", () => {
  // 2003: P = 29184 / 365 = 79.9561… ; 2P = 159.91 ; SJR = 70000 / 365 = 191.7808… > 2P
  it("a convention of 1998-11-14: the band stops at 2P", () => {
    // 0.65 × 79.9561… = 51.9715… ; 0.50 × 79.9561… = 39.9780… ; sum 91.9495… ; floor 26.89 ; ceiling 0.85 × 191.78… = 163.01 → 91.95
    const r = at2003({ annualReferenceWage: "70000", conventionDate: "1998-11-14" });
    expect(r.status).toBe("eligible");
    expect(r.currency).toBe("EUR");
    // end: 1945-01-10 + 65 years = 2010-01-10 (R322-7 of 1998: at the latest until sixty-five)
    expect(r.amounts).toEqual({ dailyReferenceWage: "191.78", dailyAllocation: "91.95", endDate: "2010-01-10" });
  });

  it("a convention of 1998-11-13: undetermined (the 4P band of secondary sources is unconfirmed)", () => {
    const r = at2003({ annualReferenceWage: "70000", conventionDate: "1998-11-13" });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["arrete-1987-09-15"]);
    expect(r.amounts).toEqual({});
    expect(r.notes.join(" ")).toMatch(/Conseil d'État/);
  });

  it("above 2P without a convention date: it is asked", () => {
    expect(at2003({ annualReferenceWage: "70000" }).missing).toEqual(["conventionDate"]);
  });

  it("at or below 2P the convention date cannot change the amount and is not asked", () => {
    // SJR = 30000 / 365 = 82.1917… ; 0.65 × 79.9561… = 51.9715… ; 0.50 × (82.1917… − 79.9561…) = 1.1178… ;
    // sum 53.0893… → 53.09 ; floor 26.89 ; ceiling 0.85 × 82.19… = 69.86 → 53.09 ; end 2010-01-10
    const r = at2003({});
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({ dailyReferenceWage: "82.19", dailyAllocation: "53.09", endDate: "2010-01-10" });
  });

  it("a convention before 1998-11-14 above 2P in 1996 too", () => {
    // 400000 / 365 = 1095.89 > 2 × 441.70
    const r = at1996({ annualReferenceWage: "400000", conventionDate: "1995-06-01" });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["arrete-1987-09-15"]);
  });
});

describe("asfne — end date by the R322-7 wording in force (audit defect 3)", () => {
  // SJR = 60000 / 365 = 164.3835… → 164.38 ; 0.65 × it = 106.8493… → 106.85 (override floor 100.00 before 1984-04-01)
  const f = { ...facts, birthDate: "1925-06-15", annualReferenceWage: "60000" };
  const min100 = { fne_allocation_minimale: "100.00" };

  it("1983-07-23: the earlier wording is not in our sources; 1983-07-24: 65 years and 3 months", () => {
    const before = run({ aid: "asfne", date: "1983-07-23", facts: f, parameters: min100 });
    // One rule version since 1.2.1: the end age is a constant dated by the R322-7 wording, with its interpretation.
    expect(before.version).toBe("asfne@R322-7");
    expect(before.notes.join(" ")).toMatch(/versions du 23 novembre 1973 et du 23 août 1979/);
    expect(before.status).toBe("undetermined");
    expect(before.missing).toEqual(["R322-7"]);
    expect(before.amounts).toEqual({ dailyReferenceWage: "164.38", dailyAllocation: "106.85" });
    // 1925-06-15 + 65 y 3 m = 1990-09-15
    const after = run({ aid: "asfne", date: "1983-07-24", facts: f, parameters: min100 });
    expect(after.status).toBe("eligible");
    expect(after.notes.join(" ")).toMatch(/au plus tard 65 ans et 3 mois/);
    expect(after.working?.endDate?.steps?.find((x) => x.name === "ageLimit")?.steps?.find((x) => x.name === "endAgeMonths")).toMatchObject({
      value: "3",
      citation: { article: "R322-7", from: "1983-07-24", to: "1984-03-31", paragraph: 3 },
    });
    expect(after.amounts.endDate).toBe("1990-09-15");
  });

  it("1984-03-31: 65 years and 3 months; 1984-04-01: the next wordings are not in our sources", () => {
    expect(run({ aid: "asfne", date: "1984-03-31", facts: f, parameters: min100 }).amounts.endDate).toBe("1990-09-15");
    // 1984-04-01: FNE minimum 116.00 > 106.85 → 116.00 ; ceiling 0.85 × 164.38… = 139.73
    const r = run({ aid: "asfne", date: "1984-04-01", facts: f });
    expect(r.version).toBe("asfne@R322-7");
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["R322-7"]);
    expect(r.amounts).toEqual({ dailyReferenceWage: "164.38", dailyAllocation: "116.00" });
  });

  it("1998-11-13: still open; 1998-11-14: at the latest sixty-five", () => {
    // SJR = 120000 / 365 = 328.7671… < P = 169080 / 365 = 463.23 ; 0.65 × it = 213.6986… → 213.70 (floor 163.55)
    const g = { ...facts, birthDate: "1940-06-15" };
    const before = run({ aid: "asfne", date: "1998-11-13", facts: g });
    expect(before.status).toBe("undetermined");
    expect(before.amounts).toEqual({ dailyReferenceWage: "328.77", dailyAllocation: "213.70" });
    // 1940-06-15 + 65 years = 2005-06-15
    const after = run({ aid: "asfne", date: "1998-11-14", facts: g });
    expect(after.status).toBe("eligible");
    expect(after.amounts).toEqual({ dailyReferenceWage: "328.77", dailyAllocation: "213.70", endDate: "2005-06-15" });
  });

  it("the pension date when earlier", () => {
    expect(at2003({ pensionDate: "2005-01-01" }).amounts.endDate).toBe("2005-01-01");
  });

  it("a day missing from the month becomes its last day", () => {
    // 1925-11-30 + 65 y 3 m = 1991-02-30 → 1991-02-28 (1991 is not a leap year)
    const r = run({ aid: "asfne", date: "1983-08-01", facts: { ...f, birthDate: "1925-11-30" }, parameters: min100 });
    expect(r.amounts.endDate).toBe("1991-02-28");
  });
});

describe("asfne — conditions (2003: R322-7 of 1998)", () => {
  it("57 on the date, counted in full years", () => {
    // born 1946-03-01: 57 on 2003-03-01; born 1946-03-02: still 56
    expect(at2003({ birthDate: "1946-03-01" }).status).toBe("eligible");
    const r = at2003({ birthDate: "1946-03-02" });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "asfne.age").values).toMatchObject({ ageAtDate: 56 });
  });
  it("56 by derogation", () => {
    expect(at2003({ birthDate: "1947-03-01", ageDerogation: true }).status).toBe("eligible");
    expect(at2003({ birthDate: "1947-03-02", ageDerogation: true }).status).toBe("ineligible");
  });
  it("10 years of social security and 1 year in the company", () => {
    expect(at2003({ yearsSocialSecurity: 9 }).status).toBe("ineligible");
    expect(at2003({ yearsSocialSecurity: 10 }).status).toBe("eligible");
    expect(at2003({ yearsInCompany: 0.5 }).status).toBe("ineligible");
  });
  it("not declared unreclassable: ineligible", () => {
    expect(reason(at2003({ declaredNotReclassable: false }), "asfne.not-reclassable").passed).toBe(false);
  });
  it("R322-7 al. 4: a voluntary stop that lets a job seeker be hired", () => {
    expect(at2003({ economicLayoff: false }).status).toBe("ineligible");
    expect(at2003({ economicLayoff: false, voluntaryStopHiresJobSeeker: true }).status).toBe("eligible");
  });
  it("optional facts are never asked for", () => {
    const { economicLayoff: _, ...rest } = euro;
    expect(run({ aid: "asfne", date: "2003-03-01", facts: rest }).missing).toEqual(["economicLayoff"]);
  });
});

describe("asfne — from loi 63-1240 to the new Code du travail", () => {
  it("no law before 1963-12-18 (loi 63-1240 du 18 décembre 1963, Fonds national de l'emploi)", () => {
    const r = run({ aid: "asfne", date: "1963-12-17", facts });
    expect(r.status).toBe("no_law");
    expect(r.nearestVersions?.[0]).toMatchObject({ id: "asfne@R322-7", validFrom: "1963-12-18" });
    expect(run({ aid: "asfne", date: "1900-01-01", facts }).status).toBe("no_law");
    // 1963-12-18: in force; no FNE minimum then (series from 1984-04-01). SJR = 12000 / 365 = 32.88 ≤ 2P = 2 × 10440 / 365 = 57.21
    const first = run({ aid: "asfne", date: "1963-12-18", facts: { ...facts, birthDate: "1905-01-01", annualReferenceWage: "12000" } });
    expect(first.status).toBe("undetermined");
    expect(first.missing).toEqual(["fne_allocation_minimale"]);
  });
  it("no law after 2008-04-30", () => {
    expect(run({ aid: "asfne", date: "2008-05-01", facts: euro }).status).toBe("no_law");
  });
});
