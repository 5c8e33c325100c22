/** conversion: allocation de conversion (L322-4 4°; rates from secondary sources, DOMAIN.md). */
import { formula } from "@fne/engine/formula";

export const conversion = formula(
  {
    facts: { averageMonthlyGrossWage: "money", leaveMonths: "number" },
    constants: { wageRate: "number", smicRate: "number", stateShareMax: "number" },
    parameters: ["smic_horaire_brut", "smic_heures_mensuelles"],
  },
  {
    compute(c) {
      const months = c.fact("leaveMonths");
      const smicMonthly = c.step("smicMonthly", { fr: "SMIC mensuel", en: "Monthly SMIC" }, c.times(c.param("smic_horaire_brut"), c.param("smic_heures_mensuelles")), "money");
      const byWage = c.step(
        "byWage",
        { fr: "65 % du salaire brut mensuel moyen des 12 mois précédents", en: "65 % of the average gross monthly pay of the 12 months before" },
        c.times(c.constant("wageRate"), c.fact("averageMonthlyGrossWage")),
      );
      const bySmic = c.step("bySmic", { fr: "85 % du SMIC mensuel", en: "85 % of the monthly SMIC" }, c.times(c.constant("smicRate"), smicMonthly));
      const monthly = c.amount("monthlyAllocation", c.round2(c.max(byWage, bySmic)));
      const total = c.amount("total", c.times(monthly, months));
      const state = c.round2(c.times(total, c.constant("stateShareMax")));
      const n = months.v;
      return {
        amounts: { monthlyAllocation: monthly, total },
        periods: [{ label: { fr: `mois 1 à ${n}`, en: `months 1-${n}` }, months: n, amount: monthly, unit: "month" }],
        notes: bySmic.v.gt(byWage.v) ? [{ fr: "Plancher de 85 % du SMIC mensuel appliqué.", en: "Floor of 85 % of the monthly SMIC applied." }] : [],
        costs: { employer: c.minus(total, state), state, employee: total },
      };
    },
  },
);
