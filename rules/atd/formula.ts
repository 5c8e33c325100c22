/** atd: allocation temporaire dégressive (L322-4 1°, R322-6). */
import { ZERO, formula, type Ctx } from "@fne/engine/formula";
import type { Text } from "@fne/schema";

const reads = {
  facts: { priorHourlyWage: "money", newHourlyWage: "money", newMonthlyHours: "number" },
  constants: { payDropRate: "number", rateFirst6: "number", rateNext6: "number", monthsPerPhase: "number" },
  parameters: [],
} as const;

/** R322-6 al. 3: resources guaranteed at 90 % then 75 % of the prior pay, given the new pay. */
function monthly(c: Ctx<typeof reads>, name: string, rate: "rateFirst6" | "rateNext6", label: Text) {
  const gap = c.step(`${name}HourlyGap`, label, c.minus(c.times(c.constant(rate), c.fact("priorHourlyWage")), c.fact("newHourlyWage")));
  return c.amount(name, c.round2(c.max(0, c.times(gap, c.fact("newMonthlyHours")))));
}

export const atd = formula(
  reads,
  {
    derived: {
      // R322-6 al. 1: pay "inférieur de plus de 10 p. 100" → new < 90 % of prior, strictly.
      payDropThreshold: {
        label: { fr: "Seuil de baisse de rémunération (90 % du salaire horaire antérieur)", en: "Pay-drop threshold (90 % of the prior hourly pay)" },
        from: ["priorHourlyWage"],
        compute: (c) => c.times(c.constant("payDropRate"), c.fact("priorHourlyWage")),
      },
    },
    compute(c) {
      const first = monthly(c, "monthlyFirst6", "rateFirst6", { fr: "Écart horaire garanti, mois 1 à 6", en: "Hourly shortfall guaranteed, months 1-6" });
      const next = monthly(c, "monthlyNext6", "rateNext6", { fr: "Écart horaire garanti, mois 7 à 12", en: "Hourly shortfall guaranteed, months 7-12" });
      const months = c.constant("monthsPerPhase");
      const total = c.amount("total", c.plus(c.times(first, months), c.times(next, months)));
      const n = months.v.toNumber();
      return {
        amounts: { monthlyFirst6: first, monthlyNext6: next, total },
        periods: [
          { label: { fr: "mois 1 à 6", en: "months 1-6" }, months: n, amount: first, unit: "month" },
          { label: { fr: "mois 7 à 12", en: "months 7-12" }, months: n, amount: next, unit: "month" },
        ],
        // Paid by the Fonds national de l'emploi under the convention (L322-4).
        costs: { employer: c.lit(ZERO), state: total, employee: total },
      };
    },
  },
);
