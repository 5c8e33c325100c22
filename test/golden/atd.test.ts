/**
 * Golden cases: atd, allocation temporaire dégressive (L322-4 1°, R322-6).
 * Expected amounts computed by hand from R322-6 al. 3 (90 % for six months, then 75 % for six):
 * monthly = max(0, (rate × prior hourly − new hourly) × new monthly hours), rounded half-up to the cent.
 */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const facts = { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "60.00", newHourlyWage: "40.00", newMonthlyHours: 169 };

describe("atd — R322-6", () => {
  it("both phases paid (FRF, 1996)", () => {
    // 0.90 × 60 = 54 → (54 − 40) × 169 = 2366.00 ; 0.75 × 60 = 45 → (45 − 40) × 169 = 845.00
    // total = 6 × 2366.00 + 6 × 845.00 = 14196.00 + 5070.00 = 19266.00
    const r = run({ aid: "atd", date: "1996-03-01", facts });
    expect(r.status).toBe("eligible");
    expect(r.currency).toBe("FRF");
    expect(r.amounts).toEqual({ monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" });
    expect(r.periods.map((p) => [p.months, p.amount, p.unit])).toEqual([
      [6, "2366.00", "month"],
      [6, "845.00", "month"],
    ]);
    expect(r.reasons.map((x) => x.passed)).toEqual([true, true, true]);
    expect(r.reasons.every((x) => x.citation.article === "R322-6" && x.citation.paragraph === 1)).toBe(true);
  });

  it("second phase at zero when 75 % of the prior pay is below the new pay", () => {
    // 0.90 × 50 = 45 → (45 − 40) × 169 = 845.00 ; 0.75 × 50 = 37.50 < 40 → 0.00 ; total = 6 × 845 = 5070.00
    const r = run({ aid: "atd", date: "1996-03-01", facts: { ...facts, priorHourlyWage: "50.00" } });
    expect(r.amounts).toEqual({ monthlyFirst6: "845.00", monthlyNext6: "0.00", total: "5070.00" });
  });

  it("new pay exactly 10 % lower is not 'more than 10 %': ineligible", () => {
    // 0.90 × 50.00 = 45.00; new 45.00 is not < 45.00
    const r = run({ aid: "atd", date: "1996-03-01", facts: { ...facts, priorHourlyWage: "50.00", newHourlyWage: "45.00" } });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "atd.pay-drop").passed).toBe(false);
    expect(reason(r, "atd.pay-drop").values).toEqual({ newHourlyWage: "45", payDropThreshold: "45" });
    expect(r.amounts).toEqual({});
  });

  it("one centime more than 10 % lower: eligible", () => {
    // 0.90 × 50.00 = 45.00; new 44.99 < 45.00 → (45 − 44.99) × 169 = 1.69 ; 0.75 × 50 = 37.5 < 44.99 → 0.00
    const r = run({ aid: "atd", date: "1996-03-01", facts: { ...facts, priorHourlyWage: "50.00", newHourlyWage: "44.99" } });
    expect(r.amounts).toEqual({ monthlyFirst6: "1.69", monthlyNext6: "0.00", total: "10.14" });
  });

  it("a worker who can follow a training course: ineligible", () => {
    const r = run({ aid: "atd", date: "1996-03-01", facts: { ...facts, trainingPossible: true } });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "atd.no-training").passed).toBe(false);
    expect(reason(r, "atd.no-training").citation.article).toBe("R322-6");
  });

  it("not part of a collective layoff: ineligible", () => {
    const r = run({ aid: "atd", date: "1996-03-01", facts: { ...facts, collectiveLayoff: false } });
    expect(r.status).toBe("ineligible");
  });

  it("euros from 2002, each payment rounded half-up to the cent", () => {
    // 0.90 × 10.00 = 9.00 → (9.00 − 8.50) × 151.65 = 75.825 → 75.83 (half-up; half-even would give 75.82)
    // 0.75 × 10.00 = 7.50 < 8.50 → 0.00 ; total = 6 × 75.83 = 454.98
    const r = run({ aid: "atd", date: "2003-06-01", facts: { ...facts, priorHourlyWage: "10.00", newHourlyWage: "8.50", newMonthlyHours: 151.65 } });
    expect(r.currency).toBe("EUR");
    expect(r.amounts).toEqual({ monthlyFirst6: "75.83", monthlyNext6: "0.00", total: "454.98" });
  });

  it("numbers are accepted for money and read exactly", () => {
    // 0.90 × 12.35 = 11.115 → (11.115 − 9.87) × 151.67 = 1.245 × 151.67 = 188.82915 → 188.83
    // 0.75 × 12.35 = 9.2625 < 9.87 → 0.00 ; total = 6 × 188.83 = 1132.98
    const r = run({ aid: "atd", date: "2005-03-01", facts: { ...facts, priorHourlyWage: 12.35, newHourlyWage: 9.87, newMonthlyHours: 151.67 } });
    expect(r.amounts).toEqual({ monthlyFirst6: "188.83", monthlyNext6: "0.00", total: "1132.98" });
  });

  it("a missing fact leaves the case undetermined and names it", () => {
    const { newHourlyWage: _, ...rest } = facts;
    const r = run({ aid: "atd", date: "1996-03-01", facts: rest });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["newHourlyWage"]);
    expect(reason(r, "atd.pay-drop").passed).toBeNull();
  });

  it("the hours, needed only for the amount, are asked once the conditions pass", () => {
    const { newMonthlyHours: _, ...rest } = facts;
    const r = run({ aid: "atd", date: "1996-03-01", facts: rest });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["newMonthlyHours"]);
  });

  it("a failed condition wins over a missing fact: ineligible", () => {
    const r = run({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: false } });
    expect(r.status).toBe("ineligible");
    expect(r.missing).toEqual([]);
  });

  it("the competent authority follows the convention's scope (R322-1-1)", () => {
    expect(run({ aid: "atd", date: "1996-03-01", facts: { ...facts, conventionScope: "departement" } }).authority).toBe("préfet");
    expect(run({ aid: "atd", date: "1996-03-01", facts: { ...facts, conventionScope: "multi_departement" } }).authority).toBe("ministre chargé du travail");
  });

  it("cites the L322-4 wording in force at the date", () => {
    const basis = (date: string) => run({ aid: "atd", date, facts }).legalBasis.find((c) => c.article === "L322-4")!;
    expect(basis("1996-03-01").to).toBe("2004-12-31");
    expect(basis("2006-03-01").from).toBe("2005-01-01");
  });

  it("no law after the new Code du travail (2008-05-01)", () => {
    const r = run({ aid: "atd", date: "2008-05-01", facts });
    expect(r.status).toBe("no_law");
    expect(r.nearestVersions?.[0]).toMatchObject({ id: "atd@R322-6", validTo: "2008-04-30" });
    expect(r.successor?.from).toBe("2008-05-01");
    expect(r.notes.join(" ")).toMatch(/2008-67/);
    // The last day of the old code still applies it.
    expect(run({ aid: "atd", date: "2008-04-30", facts }).status).toBe("eligible");
  });

  it("explains in English on request", () => {
    const r = run({ aid: "atd", date: "1996-03-01", facts, lang: "en" });
    expect(reason(r, "atd.collective-layoff").text).toBe("The worker is part of a collective layoff.");
  });
});

describe("atd — first version (loi 63-1240 du 18 décembre 1963)", () => {
  it("no law on 1963-12-17; in force on 1963-12-18", () => {
    const before = run({ aid: "atd", date: "1963-12-17", facts });
    expect(before.status).toBe("no_law");
    expect(before.nearestVersions).toEqual([{ id: "atd@R322-6", validFrom: "1963-12-18", validTo: "2008-04-30" }]);
    expect(before.notes.join(" ")).toMatch(/atd@R322-6 \(1963-12-18/);
    // 0.90 × 60 = 54 → (54 − 40) × 169 = 2366.00 ; 0.75 × 60 = 45 → 5 × 169 = 845.00 ; total 6 × 2366 + 6 × 845 = 19266.00
    const first = run({ aid: "atd", date: "1963-12-18", facts });
    expect(first.status).toBe("eligible");
    expect(first.amounts).toEqual({ monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" });
    expect(run({ aid: "atd", date: "0001-01-01", facts }).status).toBe("no_law");
  });
});
