/** conversion: allocation de conversion (L322-4 4°; rates from secondary sources, DOMAIN.md). */
import { max, round2, type D } from "../decimal.ts";
import type { Formula } from "../formula.ts";

export const conversion: Formula = {
  compute(c) {
    const k = c.k;
    const months = c.need<number>("leaveMonths");
    const smicMonthly = c.param("smic_horaire_brut").times(c.param("smic_heures_mensuelles"));
    const byWage = k.wageRate!.times(c.need<D>("averageMonthlyGrossWage"));
    const bySmic = k.smicRate!.times(smicMonthly);
    const monthly = round2(max(byWage, bySmic));
    const total = monthly.times(months);
    const state = round2(total.times(k.stateShareMax!));
    return {
      amounts: { monthlyAllocation: monthly, total },
      periods: [{ label: { fr: `mois 1 à ${months}`, en: `months 1-${months}` }, months, amount: monthly, unit: "month" }],
      notes: bySmic.gt(byWage) ? [{ fr: "Plancher de 85 % du SMIC mensuel appliqué.", en: "Floor of 85 % of the monthly SMIC applied." }] : [],
      costs: { employer: total.minus(state), state, employee: total },
    };
  },
};
