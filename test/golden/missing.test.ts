/**
 * Golden cases: `missing` (CONTRACT.md) lists everything still needed for the status and every amount, in one round,
 * and nothing whose value cannot change them (audit defects 4 and 5). Each case states which article makes a fact
 * needed or not, and the figures that decide it.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "@fne/engine";
import type { Screening } from "@fne/schema";
import { reason, run } from "../helpers.ts";

describe("one round: the facts of the status and of the amounts together (defect 4)", () => {
  it("atd without trainingPossible nor newMonthlyHours names both", () => {
    // R322-6 al. 1: trainingPossible decides the status; al. 3: the monthly hours of the new job set the amount
    // ((0.90 × prior − new) × hours). Before: only trainingPossible, the hours asked in a second round.
    const r = run({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: true, priorHourlyWage: "60.00", newHourlyWage: "40.00" } });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["trainingPossible", "newMonthlyHours"]);
  });

  it("a failed condition still asks nothing", () => {
    // R322-6 al. 1: not part of a collective layoff → ineligible, whatever the other facts.
    const r = run({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: false } });
    expect(r.status).toBe("ineligible");
    expect(r.missing).toEqual([]);
  });

  it("screening lists the wage facts of asfne and temps_partiel", () => {
    // asfne: the SJR (gross pay of the 12 months / 365) sets the allowance; temps_partiel: the prior hourly pay, the
    // prior and new net pay set the allowance and its 90 % cap (L322-4 5°), the convention date picks the arrêté.
    const s = evaluate({ date: "1996-03-01", facts: { birthDate: "1938-06-15" } }) as Screening;
    const of = (aid: string) => s.results.find((r) => r.aid === aid)!.missing;
    expect(of("asfne")).toEqual(expect.arrayContaining(["economicLayoff", "declaredNotReclassable", "yearsSocialSecurity", "yearsInCompany", "annualReferenceWage"]));
    expect(of("temps_partiel")).toEqual(
      expect.arrayContaining(["agreement", "priorWeeklyHours", "newWeeklyHours", "conventionDate", "priorHourlyGrossWage", "priorNetMonthlyWage", "newNetMonthlyWage"]),
    );
  });

  it("crp: accepted, the salary and the DIF facts in one round", () => {
    // L321-4-2 I: once the CRP is offered, acceptance decides which sums are due; if accepted, the notice equivalent
    // (legal notice 1 month at 14 months, L122-6) needs the salary, and the DIF sum (I al. 2, L933-4) the balance of
    // hours and the net hourly pay. Before: `accepted` alone, then two more rounds.
    const r = run({ aid: "crp", date: "2006-10-02", facts: { companyHeadcount: 250, economicDismissal: true, seniorityMonths: 14, proposed: true } });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["accepted", "monthlyGrossSalary", "difHoursBalance", "netHourlyWage"]);
  });
});

describe("a fact whose value cannot change the answer is not asked (defect 5)", () => {
  const youth = {
    jobStartDate: "1983-05-02",
    fullTime: true,
    contract: "cdi",
    distanceKm: 45,
    startPointDate: "1982-09-30",
    applicationDate: "1983-07-14",
    workplaceDepartement: "69",
  };

  it("youth_mobility: 22 at the first job, national service not given → eligible", () => {
    // R322-27: under 26 at the first salaried job; al. 2 can only push the limit later.
    // born 1961-03-15: 1961-03-15 + 26 years = 1987-03-15 > 1983-05-02 with no service at all, so with any service.
    const r = run({ aid: "youth_mobility", date: "1983-07-14", facts: { ...youth, birthDate: "1961-03-15" } });
    expect(r.status).toBe("eligible");
    expect(r.missing).toEqual([]);
    expect(reason(r, "youth_mobility.age").passed).toBe(true);
  });

  it("youth_mobility: 26 and over at the first job, national service not given → asked", () => {
    // born 1957-03-15: + 26 years = 1983-03-15 ≤ 1983-05-02; 2 months of service would push it to 1983-05-15.
    const r = run({ aid: "youth_mobility", date: "1983-07-14", facts: { ...youth, birthDate: "1957-03-15" } });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["nationalServiceMonths"]);
  });

  it("crp accepted at 14 months: neither pay average is asked", () => {
    // L122-9 / R122-2: no severance below 24 months of seniority; no penalty when the CRP is offered (II): the
    // 12- and 3-month averages cannot change any amount.
    const r = run({
      aid: "crp",
      date: "2006-10-02",
      facts: { companyHeadcount: 250, economicDismissal: true, seniorityMonths: 14, proposed: true, accepted: true, monthlyGrossSalary: "2500.00", difHoursBalance: 10, netHourlyWage: "12.00" },
    });
    // legal notice 1 month → equivalent 1 × 2500 = 2500.00 ; DIF min(10, 20 × 1, 120) = 10 h × 0.5 × 12 = 60.00 ; total 2560.00
    expect(r.status).toBe("eligible");
    expect(r.amounts).toMatchObject({ noticeEquivalentAtRupture: "2500.00", severance: "0.00", difAmount: "60.00", employerTotal: "2560.00" });
  });

  it("temps_partiel in 2000: the headcount is not asked when both legal durations give the same answer", () => {
    // 2000: 35 h above 20 employees, 39 h up to 20 (loi 2000-37). prior 39 h ≥ 35 and ≥ 39: full time either way;
    // new 20 h ≤ 0.8 × 35 = 28 and ≤ 0.8 × 39 = 31.2: a fifth below either way. The amount does not read the legal
    // duration: lost hours (39 − 20) × 52 / 12 = 82.3333… ; year 1 max(0.40 × 60, 22) = 24 × 82.3333… = 1976.00 ;
    // year 2 max(0.20 × 60, 18) = 18 × 82.3333… = 1482.00 ; cap 0.90 × 7000 − 5000 = 1300.00 binds both years ;
    // total 12 × 1300 + 12 × 1300 = 31200.00
    const r = run({
      aid: "temps_partiel",
      date: "2000-06-01",
      facts: { conventionDate: "1999-06-01", agreement: true, avoidsEconomicLayoffs: true, priorWeeklyHours: 39, newWeeklyHours: 20, priorHourlyGrossWage: "60.00", priorNetMonthlyWage: "7000.00", newNetMonthlyWage: "5000.00" },
    });
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({ monthlyYear1: "1300.00", monthlyYear2: "1300.00", capMonthly: "1300.00", total: "31200.00" });
  });

  it("temps_partiel in 2000: the headcount is asked when the two durations disagree", () => {
    // new 30 h: ≤ 31.2 (39 h, up to 20 employees) but > 28 (35 h, above 20)
    const r = run({
      aid: "temps_partiel",
      date: "2000-06-01",
      facts: { conventionDate: "1999-06-01", agreement: true, avoidsEconomicLayoffs: true, priorWeeklyHours: 39, newWeeklyHours: 30, priorHourlyGrossWage: "60.00", priorNetMonthlyWage: "7000.00", newNetMonthlyWage: "5000.00" },
    });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["companyHeadcount"]);
  });
});
