/** Layoff plans (CONTRACT.md Plan / PlanResult): order kept, bad rows isolated, totals = sums of the rows. */
import { describe, expect, it } from "vitest";
import { evaluatePlan, planFromCsvRows, InputError } from "@fne/engine";
import { PlanResult } from "@fne/schema";
import { D } from "@fne/engine";

const crp = (id: string, f: object = {}) => ({
  id,
  aid: "crp",
  facts: {
    economicDismissal: true,
    seniorityMonths: 60,
    accepted: true,
    monthlyGrossSalary: "2500.00",
    averageMonthlyGrossLast12: "2400.00",
    averageMonthlyGrossLast3: "2600.00",
    difHoursBalance: 100,
    netHourlyWage: "12.00",
    ...f,
  },
});
const plan = (employees: unknown[], extra: object = {}) => ({ date: "2006-10-02", employer: { headcount: 250, proposesCRP: true }, employees, ...extra });

describe("evaluatePlan", () => {
  it("keeps the input order, isolates a bad row, and counts it as invalid", () => {
    const r = PlanResult.parse(evaluatePlan(plan([crp("A"), { id: "B", aid: "crp", facts: { seniorityMonths: "lots" } }, crp("C", { seniorityMonths: 14 }), "not a row"])));
    expect(r.employees.map((e) => e.id)).toEqual(["A", "B", "C", "#4"]);
    const b = r.employees[1]!;
    expect("error" in b && b.error.issues.map((i) => i.path)).toEqual(["employees.1.facts.seniorityMonths"]);
    expect(r.counts).toEqual({ eligible: 2, ineligible: 0, undetermined: 0, no_law: 0, invalid: 2 });
  });

  it("totals are the sums of the rows' costs", () => {
    // A: 8200.00 (golden crp, 5 years) ; C: 14 months → 2500.00 + 120.00 = 2620.00 ; total 10820.00
    const r = evaluatePlan(plan([crp("A"), crp("C", { seniorityMonths: 14 })]));
    expect(r.totals).toEqual({ employerCost: "10820.00", stateCost: "0.00", employeeAllocations: "5100.00" });
    let sum = new D(0);
    for (const e of r.employees) if ("results" in e) for (const x of e.results) sum = sum.plus(x.costs!.employer);
    expect(sum.toFixed(2)).toBe(r.totals.employerCost);
  });

  it("the employer's headcount and choice fill the rows that do not state them", () => {
    const r = evaluatePlan({ ...plan([crp("A")]), employer: { headcount: 1200, proposesCRP: true } });
    const a = r.employees[0]!;
    expect("results" in a && a.results[0]!.status).toBe("ineligible"); // 1,200 employees: L321-4-3
  });

  it("compares scenarios: not offering the CRP costs the penalty and the notice", () => {
    // Employer — A offered/accepted: 8200.00 ; not offered: penalty 4800 + notice 5000 + severance 2600 = 12400.00 ; Δ 4200.00
    // Paid to A — accepted: severance 2600.00 ; not offered: notice 5000 + severance 2600 = 7600.00 ; Δ 5000.00
    const r = evaluatePlan(plan([crp("A")], { scenarios: [{ name: "sans CRP", employer: { proposesCRP: false } }] }));
    expect(r.scenarios).toEqual([
      {
        name: "sans CRP",
        totals: { employerCost: "12400.00", stateCost: "0.00", employeeAllocations: "7600.00" },
        counts: { eligible: 1, ineligible: 0, undetermined: 0, no_law: 0, invalid: 0 },
        difference: { employerCost: "4200.00", stateCost: "0.00", employeeAllocations: "5000.00" },
      },
    ]);
  });

  it("reports progress", () => {
    const seen: number[] = [];
    evaluatePlan(plan(Array.from({ length: 2500 }, (_, i) => crp(`E${i}`))), { onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1000, 2000, 2500]);
  });

  it("an invalid envelope is an invalid_plan error naming the field", () => {
    try {
      evaluatePlan({ date: "2006-13-01", employer: { headcount: -1 }, employees: [] });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("invalid_plan");
      expect((e as InputError).issues.map((i) => i.path).sort()).toEqual(["date", "employer.headcount"]);
    }
  });
});

describe("planFromCsvRows", () => {
  it("converts cells by the facts' types; empty cells are absent; French decimal commas accepted", () => {
    const p = planFromCsvRows(
      [{ id: "A", aid: "crp", economicDismissal: "oui", seniorityMonths: "60", accepted: "1", monthlyGrossSalary: "2500,00", averageMonthlyGrossLast12: "2400", averageMonthlyGrossLast3: "2600", difHoursBalance: "100", netHourlyWage: "12", conventionalNoticeMonths: "" }],
      { date: "2006-10-02", headcount: 250, proposesCRP: true },
    );
    expect(p.employees[0]).toEqual({ id: "A", aid: "crp", facts: { economicDismissal: true, seniorityMonths: 60, accepted: true, monthlyGrossSalary: "2500.00", averageMonthlyGrossLast12: "2400", averageMonthlyGrossLast3: "2600", difHoursBalance: 100, netHourlyWage: "12" } });
    const r = evaluatePlan(p);
    expect(r.totals.employerCost).toBe("8200.00");
  });

  it("a bad cell is that row's error", () => {
    const r = evaluatePlan(planFromCsvRows([{ id: "A", aid: "crp", seniorityMonths: "soixante" }, { id: "B", aid: "crp", seniorityMonths: "60" }], { date: "2006-10-02", headcount: 250 }));
    expect(r.counts.invalid).toBe(1);
    expect(r.employees[1]!.id).toBe("B");
  });
});
