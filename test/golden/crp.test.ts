/**
 * Golden cases: crp, convention de reclassement personnalisé (L321-4-2), 2005-06-01 … 2008-04-30.
 * Notice (L122-6): 0 below 6 months, 1 month from 6 months, 2 months from 24 months of seniority.
 * Severance (L122-9, R122-2): from 24 months, reference × (0.2 × years + 2/15 × years beyond 10),
 * reference = max(average of the last 12 months, of the last 3 months).
 * DIF (L321-4-2 I al. 2, L933-4): hours = min(balance, 20 × full years, 120), doubled for training,
 * sum = hours × 50 % × net hourly pay.
 */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const facts = {
  companyHeadcount: 250,
  economicDismissal: true,
  seniorityMonths: 60,
  proposed: true,
  accepted: true,
  monthlyGrossSalary: "2500.00",
  averageMonthlyGrossLast12: "2400.00",
  averageMonthlyGrossLast3: "2600.00",
  difHoursBalance: 100,
  netHourlyWage: "12.00",
};
const crp = (f: object, date = "2006-10-02") => run({ aid: "crp", date, facts: { ...facts, ...f } });

describe("crp — accepted", () => {
  it("5 years' seniority", () => {
    // legal notice 2 → contribution 2 × 2500 = 5000.00 ; no balance (notice = 2) ; no equivalent (legal ≥ 2)
    // severance: 5 years × 0.2 = 1 month × max(2400, 2600) = 2600.00
    // DIF: min(100, 20 × 5 = 100, 120) = 100 h → 200 h of training ; 100 × 0.5 × 12 = 600.00
    // total = 5000 + 2600 + 600 = 8200.00
    const r = crp({});
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({
      legalNoticeMonths: 2,
      employerContribution: "5000.00",
      penalty: "0.00",
      noticeBalance: "0.00",
      noticeEquivalentAtRupture: "0.00",
      severance: "2600.00",
      difHours: 100,
      difTrainingHours: 200,
      difAmount: "600.00",
      employerTotal: "8200.00",
    });
    expect(r.details).toEqual({ noticePay: "0.00", scenario: "accepted" });
  });

  it("14 months: one month of legal notice, paid at once as its equivalent; no contribution, no severance", () => {
    // legal 1 < 2 → contribution 0 ; equivalent = 1 × 2500 = 2500.00 ; severance 0 (< 24 months)
    // DIF: min(100, 20 × 1, 120) = 20 h → 40 h ; 20 × 0.5 × 12 = 120.00 ; total = 2500 + 120 = 2620.00
    const r = crp({ seniorityMonths: 14 });
    expect(r.amounts).toMatchObject({
      legalNoticeMonths: 1,
      employerContribution: "0.00",
      noticeEquivalentAtRupture: "2500.00",
      severance: "0.00",
      difHours: 20,
      difTrainingHours: 40,
      difAmount: "120.00",
      employerTotal: "2620.00",
    });
  });

  it("a conventional notice of 3 months: the balance beyond two months", () => {
    // contribution 5000.00 ; balance (3 − 2) × 2500 = 2500.00 ; severance 2600.00 ; DIF 600.00 ; total 10700.00
    const r = crp({ conventionalNoticeMonths: 3 });
    expect(r.amounts).toMatchObject({ noticeBalance: "2500.00", noticeEquivalentAtRupture: "0.00", employerTotal: "10700.00" });
  });

  it("12.5 years' seniority: 2/10 a year plus 2/15 beyond ten years", () => {
    // 150 months = 12.5 years: 0.2 × 12.5 = 2.5 ; 2/15 × 2.5 = 0.3333… ; 2.8333… × 2600 = 7366.666… → 7366.67
    // DIF: min(100, 20 × 12 = 240, 120) = 100 h → 600.00 ; total = 5000 + 7366.67 + 600 = 12966.67
    const r = crp({ seniorityMonths: 150 });
    expect(r.amounts).toMatchObject({ severance: "7366.67", employerTotal: "12966.67" });
  });

  it("the 12-month average as reference when it is the better one; the 120 h DIF cap", () => {
    // 2.8333… × max(3000, 2600) = 8500.00 ; DIF min(200, 240, 120) = 120 h → 240 h ; 120 × 0.5 × 12 = 720.00
    const r = crp({ seniorityMonths: 150, averageMonthlyGrossLast12: "3000.00", difHoursBalance: 200 });
    expect(r.amounts).toMatchObject({ severance: "8500.00", difHours: 120, difTrainingHours: 240, difAmount: "720.00" });
  });

  it("the employee's allowance per day: 80 % then 70 % of SJR, never below the ARE", () => {
    // 0.80 × 80 = 64.00 ; 0.70 × 80 = 56.00 < ARE 60 → 60.00
    const r = crp({ dailyReferenceWage: "80.00", areDailyAmount: "60.00" });
    expect(r.periods.map((p) => [p.months, p.amount, p.unit])).toEqual([
      [3, "64.00", "day"],
      [5, "60.00", "day"],
    ]);
  });
});

describe("crp — refused or not offered", () => {
  it("not offered: the two-month penalty (L321-4-2 II), notice and severance", () => {
    // penalty 2 × 2400 = 4800.00 ; severance 2600.00 ; employerTotal = 4800 + 2600 = 7400.00
    // notice paid 2 × 2500 = 5000.00 (noticePay, outside employerTotal) ; plan employer cost 7400 + 5000 = 12400.00
    const r = crp({ proposed: false });
    expect(r.amounts).toMatchObject({ penalty: "4800.00", severance: "2600.00", employerContribution: "0.00", difAmount: "0.00", employerTotal: "7400.00" });
    expect(r.details).toEqual({ noticePay: "5000.00", scenario: "not_proposed" });
    expect(r.costs?.employer).toBe("12400.00");
  });

  it("not offered: `accepted` is not asked", () => {
    const { accepted: _, ...rest } = facts;
    expect(run({ aid: "crp", date: "2006-10-02", facts: { ...rest, proposed: false } }).status).toBe("eligible");
    expect(run({ aid: "crp", date: "2006-10-02", facts: rest }).missing).toEqual(["accepted"]);
  });

  it("refused: an ordinary dismissal", () => {
    // employerTotal = severance 2600.00 ; notice 5000.00 paid as in any dismissal ; plan employer cost 7600.00
    const r = crp({ accepted: false });
    expect(r.amounts).toMatchObject({ employerTotal: "2600.00" });
    expect(r.details).toEqual({ noticePay: "5000.00", scenario: "refused" });
    expect(r.costs?.employer).toBe("7600.00");
  });
});

describe("crp — who and when", () => {
  it("1,000 employees or more: subject to L321-4-3, not this scheme", () => {
    const r = crp({ companyHeadcount: 1000 });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "crp.not-l321-4-3").citation).toMatchObject({ article: "L321-4-2", paragraph: 1 });
    expect(crp({ companyHeadcount: 999 }).status).toBe("eligible");
  });

  it("before 2005-06-01 and after 2008-04-30: no law", () => {
    expect(crp({}, "2005-05-31").status).toBe("no_law");
    expect(crp({}, "2005-06-01").status).toBe("eligible");
    const after = crp({}, "2008-05-01");
    expect(after.status).toBe("no_law");
    expect(after.successor).toEqual({ articles: ["L1235-16"], from: "2008-05-01" });
  });
});

describe("crp — notice sums at the rupture are alternatives (L321-4-2 I al. 4; audit defect 1)", () => {
  it("legal notice under two months with a 3-month conventional notice: the whole notice at the rupture, no balance", () => {
    // 20 months of seniority: legal notice 1 month (L122-6: 6 ≤ 20 < 24) < 2 → no contribution (I al. 5);
    // I al. 4, second sentence: the notice pay due on refusal, 3 months (conventional) × 2500 = 7500.00, at the rupture;
    // the balance beyond two months belongs to the other case (legal notice ≥ 2 months) → 0.00 (was 2500.00).
    // severance 0 (< 24 months); DIF min(100, 20 × 1, 120) = 20 h → 20 × 0.5 × 12 = 120.00
    // employerTotal = 7500 + 120 = 7620.00 (was 10120.00 with the notice counted twice)
    const r = crp({ seniorityMonths: 20, conventionalNoticeMonths: 3 });
    expect(r.amounts).toMatchObject({
      legalNoticeMonths: 1,
      employerContribution: "0.00",
      noticeEquivalentAtRupture: "7500.00",
      noticeBalance: "0.00",
      severance: "0.00",
      difAmount: "120.00",
      employerTotal: "7620.00",
    });
    // What the employee receives from the employer: 7500.00 (costs.employee, plan totals)
    expect(r.costs).toMatchObject({ employer: "7620.00", employee: "7500.00" });
  });

  it("legal notice of two months with a 3-month conventional notice: only the balance beyond two months", () => {
    // 60 months: legal 2 → contribution 2 × 2500 = 5000.00; balance (3 − 2) × 2500 = 2500.00; equivalent 0.00
    // severance 1 month × 2600 = 2600.00 ; DIF 600.00 ; total 5000 + 2500 + 2600 + 600 = 10700.00
    const r = crp({ seniorityMonths: 60, conventionalNoticeMonths: 3 });
    expect(r.amounts).toMatchObject({ noticeBalance: "2500.00", noticeEquivalentAtRupture: "0.00", employerTotal: "10700.00" });
  });
});
