/**
 * The working (CONTRACT.md `working`), from the same formulas that compute the amounts. Every golden case of every aid
 * is checked by test/helpers.ts `run` (the root of each tree is the amount, constants and parameters are cited);
 * here, generated cases of every aid, and what a caseworker reads: the formula in words with the numbers in the
 * case's language, the rounding, the condition that chose a zero, and plans in brief leaving it out.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluate, evaluatePlan, getRuntime } from "@fne/engine";
import { Result, type WorkingStep } from "@fne/schema";
import { dateArb, factsArb } from "../../packages/engine/test/arbitraries.ts";
import { expectWorking, run } from "../helpers.ts";

const find = (s: WorkingStep | undefined, name: string): WorkingStep | undefined =>
  s && (s.name === name ? s : s.steps?.map((x) => find(x, name)).find((x) => x !== undefined));

const atd = { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "60.00", newHourlyWage: "40.00", newMonthlyHours: 169 };

/** For each aid with amounts, a case the golden tests find eligible, its dates, and the facts drawn at random. */
const seeds: Record<string, { from: string; to: string; facts: Record<string, unknown>; drawn: string[] }> = {
  atd: { from: "1963-12-18", to: "2008-04-30", facts: atd, drawn: ["priorHourlyWage", "newHourlyWage", "newMonthlyHours"] },
  asfne: {
    from: "2003-01-01",
    to: "2008-04-30",
    facts: { birthDate: "1945-01-10", yearsSocialSecurity: 38, yearsInCompany: 12, economicLayoff: true, declaredNotReclassable: true, annualReferenceWage: "30000", conventionDate: "1999-01-01" },
    drawn: ["annualReferenceWage", "pensionDate"],
  },
  conversion: { from: "1985-08-06", to: "2008-04-30", facts: { averageMonthlyGrossWage: "8000.00", leaveMonths: 6 }, drawn: ["averageMonthlyGrossWage"] },
  temps_partiel: {
    from: "1994-06-01",
    to: "1999-12-31",
    facts: { conventionDate: "1994-05-10", agreement: true, avoidsEconomicLayoffs: true, priorWeeklyHours: 39, newWeeklyHours: 31.2, priorHourlyGrossWage: "60.00", priorNetMonthlyWage: "7000.00", newNetMonthlyWage: "5000.00" },
    drawn: ["priorHourlyGrossWage", "priorNetMonthlyWage", "newNetMonthlyWage"],
  },
  crp: {
    from: "2005-06-01",
    to: "2008-04-30",
    facts: { companyHeadcount: 250, economicDismissal: true, seniorityMonths: 60, proposed: true, accepted: true, monthlyGrossSalary: "2500.00", averageMonthlyGrossLast12: "2400.00", averageMonthlyGrossLast3: "2600.00", difHoursBalance: 100, netHourlyWage: "12.00" },
    drawn: ["seniorityMonths", "proposed", "accepted", "monthlyGrossSalary", "averageMonthlyGrossLast12", "conventionalNoticeMonths", "difHoursBalance"],
  },
  mobility_transfer: {
    from: "1983-07-01",
    to: "1983-07-23",
    facts: { category: "job_seeker", registeredOrCollectiveLayoff: true, trainingFollowedOrExempted: true, leavesUnderEmploymentRegion: true, toLabourShortageRegion: true, jobMatchesQualification: true, householdMonthlyResources: "9000.00", spouse: true, dependants: 2 },
    drawn: ["householdMonthlyResources", "requestedAmount"],
  },
  mobility_transfer_l322_3: { from: "1983-07-01", to: "1983-07-23", facts: { spouse: false, dependants: 0 }, drawn: ["requestedAmount"] },
  double_residence: {
    from: "1983-07-01",
    to: "1983-07-23",
    facts: { registeredJobSeeker: true, hasFamilyCharge: true, cannotMoveHouseholdSoon: true, newJobRequiresMove: true, startDate: "1983-07-11", days: 90 },
    drawn: ["days"],
  },
  training_lodging: {
    from: "1983-07-01",
    to: "1983-07-23",
    facts: { registeredJobSeeker: true, paidTraining: true, centreLodgesFree: false, tooFarToReturnDaily: true, nightlyCost: "30.00", nights: 20 },
    drawn: ["nightlyCost", "nights"],
  },
};

describe("every aid: the working gives each amount and cites what it uses", () => {
  const rt = getRuntime();
  it("every aid with amounts has its cases here", () => {
    expect(Object.keys(seeds).sort()).toEqual([...rt.aids.values()].filter((a) => Object.keys(a.def.amounts).length && a.def.id !== "prp").map((a) => a.def.id).sort());
  });
  for (const [id, seed] of Object.entries(seeds)) {
    it(`${id}: generated cases around an eligible one`, () => {
      const defs = rt.aids.get(id)!.def.facts;
      const drawn = Object.fromEntries(seed.drawn.map((n) => [n, defs[n]!]));
      let eligible = 0;
      fc.assert(
        fc.property(dateArb(seed.from, seed.to), factsArb(drawn), (date, facts) => {
          const r = Result.parse(evaluate({ aid: id, date, facts: { ...seed.facts, ...facts } }));
          expectWorking(r);
          if (r.status === "eligible") eligible++;
        }),
        { numRuns: 200 },
      );
      expect(eligible).toBeGreaterThan(50);
    });
  }
});

describe("what the working says", () => {
  it("atd: the formula in French, numbers in the French format", () => {
    // (0.90 × 60 − 40) × 169 = 14 × 169 = 2366.00
    const r = run({ aid: "atd", date: "1996-03-01", facts: atd });
    const w = r.working!.monthlyFirst6!;
    expect(w).toMatchObject({ name: "monthlyFirst6", label: "Allocation mensuelle, mois 1 à 6", value: "2366.00", unit: "FRF" });
    expect(w.formula).toBe("plus grand de (0 ; 14,00 F × 169 h) = 2\u202f366,00 F");
    expect(find(w, "monthlyFirst6HourlyGap")?.formula).toBe("0,90 × 60,00 F − 40,00 F = 14,00 F");
    expect(find(w, "rateFirst6")).toMatchObject({ value: "0.90", citation: { article: "R322-6", paragraph: 3 } });
    expect(r.working!.total!.formula).toBe("2\u202f366,00 F × 6 mois + 845,00 F × 6 mois = 19\u202f266,00 F");
  });

  it("the rounding is shown where it changes the amount; English on request", () => {
    // (0.90 × 10.00 − 8.50) × 151.65 = 75.825 → 75.83 (half-up)
    const r = run({ aid: "atd", date: "2003-06-01", lang: "en", facts: { ...atd, priorHourlyWage: "10.00", newHourlyWage: "8.50", newMonthlyHours: 151.65 } });
    expect(r.working!.monthlyFirst6!.formula).toBe("greater of (0, 0.50 EUR × 151.65 h) = 75.825 EUR, rounded to the cent: 75.83 EUR");
    expect(r.working!.monthlyFirst6!.label).toBe("Monthly allowance, months 1-6");
  });

  it("a zero says which condition chose it (crp: the notice equivalent when the legal notice is two months)", () => {
    const r = run({
      aid: "crp",
      date: "2006-10-02",
      facts: { companyHeadcount: 250, economicDismissal: true, seniorityMonths: 60, proposed: true, accepted: true, monthlyGrossSalary: "2500.00", averageMonthlyGrossLast12: "2400.00", averageMonthlyGrossLast3: "2600.00", difHoursBalance: 100, netHourlyWage: "12.00" },
    });
    expect(r.working!.noticeEquivalentAtRupture!.formula).toBe("CRP proposée et acceptée : oui, 2 mois ≥ 2 mois, donc 0,00 €");
    expect(r.working!.penalty!.formula).toBe("L'employeur propose la CRP : oui, donc 0,00 €");
    expect(r.working!.legalNoticeMonths).toMatchObject({ value: 2, formula: "60 mois ≥ 24 mois, donc 2 mois" });
  });

  it("a dated parameter gives its id, date and value", () => {
    // mobility_transfer 1983-04-15: MG 11.53 FRF from 1983-01-01 ; 800 × 11.53 = 9224.00
    const r = run({
      aid: "mobility_transfer",
      date: "1983-04-15",
      facts: { category: "job_seeker", registeredOrCollectiveLayoff: true, trainingFollowedOrExempted: true, leavesUnderEmploymentRegion: true, toLabourShortageRegion: true, jobMatchesQualification: true, householdMonthlyResources: "5000", spouse: true, dependants: 2 },
    });
    expect(r.working!.minimum).toMatchObject({ value: "9224.00", formula: "11,53 F × 800 = 9\u202f224,00 F" });
    expect(find(r.working!.minimum, "minimum_garanti")).toMatchObject({ parameter: { id: "minimum_garanti", value: "11.53" }, unit: "FRF" });
  });

  it("plans in brief leave the working out; in full detail it is there", () => {
    const plan = { date: "1996-03-01", employer: { headcount: 10 }, employees: [{ id: "A", aid: "atd", facts: atd }] };
    const brief = evaluatePlan(plan).employees[0]!;
    const full = evaluatePlan(plan, { detail: "full" }).employees[0]!;
    expect("results" in brief && brief.results[0]!.working).toBeUndefined();
    expect("results" in full && full.results[0]!.working?.total?.value).toBe("19266.00");
  });
});
