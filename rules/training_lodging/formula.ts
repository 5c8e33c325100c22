/**
 * training_lodging: lodging costs during a training course (R322-18, 1983 text).
 * Amounts in multiples of the minimum garanti (L141-8), as R322-18 fixes them.
 */
import { formula, ZERO } from "@fne/engine/formula";

export const training_lodging = formula(
  { facts: { nightlyCost: "money", nights: "number" }, constants: { dailyMultiple: "number" }, parameters: ["minimum_garanti"] },
  {
    compute(c) {
      // R322-18: actual lodging costs reimbursed up to 3 × MG a day.
      const cap = c.amount("dailyCap", c.round2(c.times(c.param("minimum_garanti"), c.constant("dailyMultiple"))));
      const cost = c.fact("nightlyCost");
      const daily = c.amount("dailyReimbursed", c.min(cost, cap));
      const nights = c.fact("nights");
      const total = c.amount("total", c.times(daily, nights));
      return {
        amounts: { dailyCap: cap, dailyReimbursed: daily, total },
        periods: [{ label: { fr: "nuitées remboursées", en: "nights reimbursed" }, days: nights.v, amount: daily, unit: "day" }],
        capApplied: cost.v.gt(cap.v),
        costs: { employer: c.lit(ZERO), state: total, employee: total },
      };
    },
  },
);
