/** crp: convention de reclassement personnalisé (L321-4-2), with L122-6 notice, L122-9/R122-2 severance, L933-4 DIF. */
import { ZERO, formula, type D, type Ctx, type Ops, type Output, type PeriodOut, type Val } from "@fne/engine/formula";
import type { Text } from "@fne/schema";

const reads = {
  facts: {
    seniorityMonths: "number",
    monthlyGrossSalary: "money",
    conventionalNoticeMonths: "number",
    proposed: "boolean",
    accepted: "boolean",
    averageMonthlyGrossLast12: "money",
    averageMonthlyGrossLast3: "money",
    difHoursBalance: "number",
    netHourlyWage: "money",
    dailyReferenceWage: "money",
    areDailyAmount: "money",
  },
  constants: {
    noticeOneMonthFromMonths: "number",
    noticeTwoMonthsFromMonths: "number",
    shortNoticeMonths: "number",
    longNoticeMonths: "number",
    contributionMonths: "number",
    penaltyMonths: "number",
    noticeFreeMonths: "number",
    severanceFromMonths: "number",
    severanceRate: "number",
    severanceExtraNumerator: "number",
    severanceExtraDenominator: "number",
    severanceExtraFromYears: "number",
    difHoursPerYear: "number",
    difHoursCap: "number",
    difDoubling: "number",
    difAllowanceRate: "number",
    allocationRateFirst: "number",
    allocationRateNext: "number",
  },
  parameters: [],
} as const;
type C = Ctx<typeof reads>;

/** L122-6: none below 6 months, 1 month from 6 months, 2 months from 2 years. */
function legalNotice(c: C, seniority: Val<number>): Val<D> {
  return c.branch(
    c.gte(seniority, c.constant("noticeTwoMonthsFromMonths")),
    () => c.constant("longNoticeMonths"),
    () => c.branch(c.gte(seniority, c.constant("noticeOneMonthFromMonths")), () => c.constant("shortNoticeMonths"), () => c.lit(ZERO, "month")),
  );
}

/** L122-9 / R122-2: 2/10 of a month a year, plus 2/15 a year beyond ten years; years pro rata by months. */
function severance(c: C, seniority: Val<number>): Val<D> {
  return c.branch(
    c.lt(seniority, c.constant("severanceFromMonths")),
    () => c.lit(ZERO, "money"),
    () => {
      const reference = c.step(
        "severanceReference",
        { fr: "Salaire de référence : la meilleure des moyennes des 12 et des 3 derniers mois", en: "Reference pay: the better of the 12- and 3-month averages" },
        c.max(c.fact("averageMonthlyGrossLast12"), c.fact("averageMonthlyGrossLast3")),
      );
      const beyond = c.step(
        "monthsBeyondTenYears",
        { fr: "Mois d'ancienneté au-delà de dix ans", en: "Months of seniority beyond ten years" },
        c.max(0, c.minus(seniority, c.times(c.constant("severanceExtraFromYears"), 12))),
        "month",
      );
      // months of pay = 0.2 × seniority / 12 + (2/15) × beyond / 12: one division, at the end, so that no
      // rounded third enters the amount.
      const den = c.constant("severanceExtraDenominator");
      const numerator = c.plus(c.times(c.times(c.constant("severanceRate"), seniority), den), c.times(c.constant("severanceExtraNumerator"), beyond));
      return c.round2(c.div(c.times(reference, numerator), c.times(den, 12)));
    },
  );
}

/** Employee allowance (accord of April 2005): per day, from SJR and the ARE when given. */
function allowance(c: C, seniority: Val<number>): PeriodOut[] {
  const sjr = c.optional("dailyReferenceWage");
  const are = c.optional("areDailyAmount");
  if (c.lt(seniority, c.constant("severanceFromMonths")).v) {
    return are ? [{ label: { fr: "ARE, par jour", en: "ARE, per day" }, amount: c.round2(are), unit: "day" }] : [];
  }
  if (!sjr) return [];
  const floor = are ?? c.lit(ZERO, "money");
  return [
    { label: { fr: "allocation mois 1 à 3, par jour (80 % du SJR)", en: "allowance months 1-3, per day (80 % of SJR)" }, months: 3, amount: c.round2(c.max(c.times(sjr, c.constant("allocationRateFirst")), floor)), unit: "day" },
    { label: { fr: "allocation mois 4 à 8, par jour (70 % du SJR)", en: "allowance months 4-8, per day (70 % of SJR)" }, months: 5, amount: c.round2(c.max(c.times(sjr, c.constant("allocationRateNext")), floor)), unit: "day" },
  ];
}

const zero = (c: Ops) => c.lit(ZERO, "money");

/** Months of salary; the salary is asked only when some sum counts months of it (none: the working says so). */
function months(c: C, n: Val<D>): Val<D> {
  return n.v.gt(0) ? c.round2(c.times(c.fact("monthlyGrossSalary"), n)) : c.branch(c.gt(n, 0), () => zero(c), () => zero(c));
}

const NOTES: Record<"not_proposed" | "accepted" | "refused", Text> = {
  not_proposed: { fr: "CRP non proposée : pénalité de deux mois (L321-4-2 II), préavis et indemnité de licenciement.", en: "CRP not offered: two-month penalty (L321-4-2 II), notice and severance." },
  accepted: { fr: "CRP acceptée : rupture d'un commun accord, sans préavis (L321-4-2 I al. 4).", en: "CRP accepted: rupture by mutual agreement, without notice (L321-4-2 I para. 4)." },
  refused: { fr: "CRP refusée : licenciement économique ordinaire, préavis et indemnité de licenciement.", en: "CRP refused: ordinary economic dismissal, notice and severance." },
};

export const crp = formula(reads, {
  compute(c): Output {
    const seniority = c.fact("seniorityMonths");
    const legal = c.amount("legalNoticeMonths", legalNotice(c, seniority));
    const conventional = c.optional("conventionalNoticeMonths") ?? c.lit(0, "month");
    const notice = c.step("noticeMonths", { fr: "Préavis : le plus long du légal et du conventionnel", en: "Notice: the longer of the legal and the conventional" }, c.max(legal, conventional), "month");
    const proposed = c.fact("proposed");
    const accepted = c.step("crpAccepted", { fr: "CRP proposée et acceptée", en: "CRP offered and accepted" }, c.branch(proposed, () => c.fact("accepted"), () => c.lit(false)));
    const free = c.constant("noticeFreeMonths");

    const severancePay = c.amount("severance", severance(c, seniority));
    // L321-4-2 II: without a CRP offer, two months of the average gross pay of the last twelve months.
    const penalty = c.amount("penalty", c.branch(proposed, () => zero(c), () => c.round2(c.times(c.fact("averageMonthlyGrossLast12"), c.constant("penaltyMonths")))));
    // I al. 5: at least two months' salary, when the legal notice is at least two months.
    const employerContribution = c.amount(
      "employerContribution",
      c.branch(accepted, () => c.branch(c.gte(legal, free), () => months(c, c.constant("contributionMonths")), () => zero(c)), () => zero(c)),
    );
    // I al. 4, two alternatives on the legal notice (L122-6): under two months, the whole notice pay the employee
    // would have had on refusal, at the rupture; from two months, two go to the ASSEDIC (al. 5) and only the
    // balance beyond two months is paid. Never both.
    const noticeEquivalentAtRupture = c.amount("noticeEquivalentAtRupture", c.branch(accepted, () => c.branch(c.lt(legal, free), () => months(c, notice), () => zero(c)), () => zero(c)));
    const noticeBalance = c.amount(
      "noticeBalance",
      c.branch(accepted, () => c.branch(c.gte(legal, free), () => c.branch(c.gt(notice, free), () => months(c, c.minus(notice, free)), () => zero(c)), () => zero(c)), () => zero(c)),
    );
    // The notice paid on an ordinary dismissal (refused, or not offered).
    const noticePay = c.amount("noticePay", c.branch(accepted, () => zero(c), () => months(c, notice)));
    // I al. 2: DIF balance capped at 20 h per year of seniority and 120 h, doubled; only the L933-4 allowance is due.
    const difHours = c.amount(
      "difHours",
      c.count(
        c.branch(
          accepted,
          () => {
            const balance = c.fact("difHoursBalance");
            const cap = c.step(
              "difHoursCeiling",
              { fr: "Plafond : 20 h par année d'ancienneté, 120 h au plus", en: "Cap: 20 h per year of seniority, at most 120 h" },
              c.min(c.times(c.constant("difHoursPerYear"), c.wholeQuotient(seniority, 12)), c.constant("difHoursCap")),
              "hour",
            );
            return c.min(balance, cap);
          },
          () => c.lit(ZERO, "hour"),
        ),
      ),
    );
    const difAmount = c.amount(
      "difAmount",
      c.branch(accepted, () => c.round2(c.times(c.times(difHours, c.constant("difAllowanceRate")), c.fact("netHourlyWage"))), () => zero(c)),
    );
    // employerTotal sums the contract's CRP amounts; the notice paid on an ordinary dismissal (noticePay) is
    // counted in the plan's employer cost, where refusing or not offering the CRP is compared with accepting it.
    const employerTotal = c.amount(
      "employerTotal",
      c.plus(c.plus(c.plus(c.plus(c.plus(employerContribution, penalty), noticeBalance), noticeEquivalentAtRupture), severancePay), difAmount),
    );
    const toEmployee = c.plus(c.plus(c.plus(noticeBalance, noticeEquivalentAtRupture), noticePay), severancePay);
    const scenario = !proposed.v ? "not_proposed" : accepted.v ? "accepted" : "refused";
    return {
      amounts: {
        legalNoticeMonths: legal,
        employerContribution,
        penalty,
        noticeBalance,
        noticeEquivalentAtRupture,
        severance: severancePay,
        difHours,
        difTrainingHours: c.amount("difTrainingHours", c.count(c.times(difHours, c.constant("difDoubling")))),
        difAmount,
        employerTotal,
      },
      details: { noticePay, scenario: c.lit(scenario) },
      periods: accepted.v ? allowance(c, seniority) : [],
      notes: [NOTES[scenario]],
      // The employer bears employerTotal; the State's share of the CRP actions (L321-4-2 I al. 8) is not quantified.
      costs: { employer: c.plus(employerTotal, noticePay), state: zero(c), employee: toEmployee },
    };
  },
});
