/**
 * double_residence: indemnité de double résidence (R322-17, 1983 text).
 * Amounts in multiples of the minimum garanti (L141-8), as R322-17 fixes them.
 */
import { formula, ZERO } from "@fne/engine/formula";

export const double_residence = formula(
  { facts: { startDate: "date", days: "number" }, constants: { dailyMultiple: "number", maxMonths: "number" }, parameters: ["minimum_garanti"] },
  {
    compute(c) {
      // R322-17 al. 2: a daily rate of 3 × MG, for at most six months from the start of the double residence.
      const daily = c.amount("dailyAmount", c.round2(c.times(c.param("minimum_garanti"), c.constant("dailyMultiple"))));
      const start = c.fact("startDate");
      const cap = c.step("maxDays", { fr: "Six mois au plus, en jours", en: "Six months at most, in days" }, c.daysBetween(start, c.addMonths(start, c.constant("maxMonths"))));
      const days = c.fact("days");
      const paidDays = c.amount("paidDays", c.count(c.min(days, cap)));
      const total = c.amount("total", c.times(daily, paidDays));
      const capped = days.v > cap.v;
      return {
        amounts: { dailyAmount: daily, paidDays, total },
        periods: [{ label: { fr: "jours payés", en: "days paid" }, days: paidDays.v, amount: daily, unit: "day" }],
        capApplied: capped,
        notes: capped ? [{ fr: `Durée limitée à six mois : ${cap.v} jours à compter du ${start.v}.`, en: `Duration capped at six months: ${cap.v} days from ${start.v}.` }] : [],
        costs: { employer: c.lit(ZERO), state: total, employee: total },
      };
    },
  },
);
