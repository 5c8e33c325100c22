/** atd: allocation temporaire dégressive (L322-4 1°, R322-6). */
import { D, ZERO, max, round2 } from "../decimal.ts";
import type { Formula } from "../formula.ts";

export const atd: Formula = {
  derived: {
    // R322-6 al. 1: pay "inférieur de plus de 10 p. 100" → new < 90 % of prior, strictly.
    payDropThreshold: { from: ["priorHourlyWage"], compute: (c) => c.need<D>("priorHourlyWage").times(c.k.payDropRate!) },
  },
  compute(c) {
    const prior = c.need<D>("priorHourlyWage");
    const wage = c.need<D>("newHourlyWage");
    const hours = new D(c.need<number>("newMonthlyHours"));
    // R322-6 al. 3: resources guaranteed at 90 % then 75 % of the prior pay, given the new pay.
    const monthly = (rate: D) => round2(max(ZERO, prior.times(rate).minus(wage).times(hours)));
    const first = monthly(c.k.rateFirst6!);
    const next = monthly(c.k.rateNext6!);
    const months = c.kn.monthsPerPhase!;
    const total = first.times(months).plus(next.times(months));
    return {
      amounts: { monthlyFirst6: first, monthlyNext6: next, total },
      periods: [
        { label: { fr: "mois 1 à 6", en: "months 1-6" }, months, amount: first, unit: "month" },
        { label: { fr: "mois 7 à 12", en: "months 7-12" }, months, amount: next, unit: "month" },
      ],
      // Paid by the Fonds national de l'emploi under the convention (L322-4).
      costs: { employer: ZERO, state: total, employee: total },
    };
  },
};
