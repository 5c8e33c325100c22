/** crp: convention de reclassement personnalisé (L321-4-2), with L122-6 notice, L122-9/R122-2 severance, L933-4 DIF. */
import { D, ZERO, max, min, round2 } from "../decimal.ts";
import type { Context, Formula, Output, PeriodOut } from "../formula.ts";

/** L122-6: none below 6 months, 1 month from 6 months, 2 months from 2 years. */
function legalNotice(c: Context, seniority: number): number {
  if (seniority >= c.kn.noticeTwoMonthsFromMonths!) return 2;
  return seniority >= c.kn.noticeOneMonthFromMonths! ? 1 : 0;
}

/** L122-9 / R122-2: 2/10 of a month a year, plus 2/15 a year beyond ten years; years pro rata by months. */
function severance(c: Context, seniority: number): D {
  const k = c.k;
  const kn = c.kn;
  if (seniority < kn.severanceFromMonths!) return ZERO;
  const reference = max(c.need<D>("averageMonthlyGrossLast12"), c.need<D>("averageMonthlyGrossLast3"));
  const beyondMonths = Math.max(0, seniority - kn.severanceExtraFromYears! * 12);
  // months of pay = 0.2 × seniority / 12 + (2/15) × beyond / 12: one division, at the end.
  const numerator = k.severanceRate!.times(seniority).times(k.severanceExtraDenominator!).plus(k.severanceExtraNumerator!.times(beyondMonths));
  return round2(reference.times(numerator).div(k.severanceExtraDenominator!.times(12)));
}

/** Employee allowance (accord of April 2005): per day, from SJR and the ARE when given. */
function allowance(c: Context, seniority: number): PeriodOut[] {
  const sjr = c.facts.dailyReferenceWage as D | undefined;
  const are = c.facts.areDailyAmount as D | undefined;
  if (seniority < c.kn.severanceFromMonths!) {
    return are ? [{ label: { fr: "ARE, par jour", en: "ARE, per day" }, amount: round2(are), unit: "day" }] : [];
  }
  if (!sjr) return [];
  const floor = are ?? ZERO;
  return [
    { label: { fr: "allocation mois 1 à 3, par jour (80 % du SJR)", en: "allowance months 1-3, per day (80 % of SJR)" }, months: 3, amount: round2(max(sjr.times(c.k.allocationRateFirst!), floor)), unit: "day" },
    { label: { fr: "allocation mois 4 à 8, par jour (70 % du SJR)", en: "allowance months 4-8, per day (70 % of SJR)" }, months: 5, amount: round2(max(sjr.times(c.k.allocationRateNext!), floor)), unit: "day" },
  ];
}

export const crp: Formula = {
  compute(c): Output {
    const k = c.k;
    const kn = c.kn;
    const seniority = c.need<number>("seniorityMonths");
    // Months of salary; the salary is asked only when some sum counts months of it.
    const months = (n: number) => (n > 0 ? round2(c.need<D>("monthlyGrossSalary").times(n)) : ZERO);
    const legal = legalNotice(c, seniority);
    const conventional = (c.facts.conventionalNoticeMonths as number | undefined) ?? 0;
    const notice = Math.max(legal, conventional);
    const proposed = c.need<boolean>("proposed");
    const accepted = proposed ? c.need<boolean>("accepted") : false;
    const freeMonths = kn.noticeFreeMonths!;

    const severancePay = severance(c, seniority);
    let employerContribution = ZERO;
    let penalty = ZERO;
    let noticeBalance = ZERO;
    let noticeEquivalentAtRupture = ZERO;
    let noticePay = ZERO;
    let difHours = 0;
    let difAmount = ZERO;
    if (!proposed) {
      // L321-4-2 II: two months of the average gross pay of the last twelve months.
      penalty = round2(c.need<D>("averageMonthlyGrossLast12").times(k.penaltyMonths!));
      noticePay = months(notice);
    } else if (!accepted) {
      noticePay = months(notice);
    } else {
      // L321-4-2 I al. 5: at least two months' salary, when the legal notice is at least two months.
      if (legal >= freeMonths) employerContribution = months(kn.contributionMonths!);
      // I al. 4, two alternatives on the legal notice (L122-6): under two months, the whole notice pay the employee
      // would have had on refusal, at the rupture; from two months, two go to the ASSEDIC (al. 5) and only the
      // balance beyond two months is paid. Never both.
      if (legal < freeMonths) noticeEquivalentAtRupture = months(notice);
      else if (notice > freeMonths) noticeBalance = months(notice - freeMonths);
      // I al. 2: DIF balance capped at 20 h per year of seniority and 120 h, doubled; only the L933-4 allowance is due.
      const balance = new D(c.need<number>("difHoursBalance"));
      const cap = min(k.difHoursPerYear!.times(Math.floor(seniority / 12)), k.difHoursCap!);
      difHours = min(balance, cap).toNumber();
      difAmount = round2(new D(difHours).times(k.difAllowanceRate!).times(c.need<D>("netHourlyWage")));
    }
    // employerTotal sums the contract's CRP amounts; the notice paid on an ordinary dismissal (noticePay) is
    // counted in the plan's employer cost, where refusing or not offering the CRP is compared with accepting it.
    const employerTotal = [employerContribution, penalty, noticeBalance, noticeEquivalentAtRupture, severancePay, difAmount].reduce((a, b) => a.plus(b), ZERO);
    const toEmployee = noticeBalance.plus(noticeEquivalentAtRupture).plus(noticePay).plus(severancePay);
    return {
      amounts: {
        legalNoticeMonths: legal,
        employerContribution,
        penalty,
        noticeBalance,
        noticeEquivalentAtRupture,
        severance: severancePay,
        difHours,
        difTrainingHours: new D(difHours).times(k.difDoubling!).toNumber(),
        difAmount,
        employerTotal,
      },
      details: { noticePay, scenario: !proposed ? "not_proposed" : accepted ? "accepted" : "refused" },
      periods: accepted ? allowance(c, seniority) : [],
      notes: [
        !proposed
          ? { fr: "CRP non proposée : pénalité de deux mois (L321-4-2 II), préavis et indemnité de licenciement.", en: "CRP not offered: two-month penalty (L321-4-2 II), notice and severance." }
          : accepted
            ? { fr: "CRP acceptée : rupture d'un commun accord, sans préavis (L321-4-2 I al. 4).", en: "CRP accepted: rupture by mutual agreement, without notice (L321-4-2 I para. 4)." }
            : { fr: "CRP refusée : licenciement économique ordinaire, préavis et indemnité de licenciement.", en: "CRP refused: ordinary economic dismissal, notice and severance." },
      ],
      // The employer bears employerTotal; the State's share of the CRP actions (L321-4-2 I al. 8) is not quantified.
      costs: { employer: employerTotal.plus(noticePay), state: ZERO, employee: toEmployee },
    };
  },
};
