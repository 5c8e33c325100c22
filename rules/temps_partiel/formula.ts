/** temps_partiel: allocation complémentaire (L322-4 5°, R322-7-1; amounts of the arrêté of 12 April 1994, secondary sources). */
import { ZERO, formula, type D, type Val, type Ctx, type Output } from "@fne/engine/formula";
import type { Text } from "@fne/schema";

const reads = {
  facts: {
    conventionDate: "date",
    priorWeeklyHours: "number",
    newWeeklyHours: "number",
    priorHourlyGrossWage: "money",
    priorNetMonthlyWage: "money",
    newNetMonthlyWage: "money",
    companyHeadcount: "number",
  },
  constants: {
    maxShareOfLegalDuration: "number",
    smallCompanyMaxHeadcount: "number",
    weeksPerYear: "number",
    monthsPerYear: "number",
    rateYear1: "number",
    rateYear2: "number",
    wageCapInPss: "number",
    floorYear1: "number",
    floorYear2: "number",
    netResourcesCap: "number",
  },
  parameters: ["duree_legale_hebdomadaire", "duree_legale_hebdomadaire_20_salaries_ou_moins", "pss_mensuel"],
} as const;

/** Legal weekly duration at the date; where the two series differ (2000–2001) the company size decides. */
function legalWeeklyHours(c: Ctx<typeof reads>) {
  const large = c.param("duree_legale_hebdomadaire");
  const small = c.param("duree_legale_hebdomadaire_20_salaries_ou_moins");
  return c.branch(
    c.eq(large, small),
    () => large,
    () => c.branch(c.gt(c.fact("companyHeadcount"), c.constant("smallCompanyMaxHeadcount")), () => large, () => small),
  );
}

/** Per lost hour, the rate of the prior hourly pay or the floor, whichever is more; rounded to the cent a month. */
function raw(c: Ctx<typeof reads>, name: string, label: Text, rate: Val<D>, hourly: Val<D>, floor: "floorYear1" | "floorYear2", lostHours: Val<D>) {
  return c.step(name, label, c.round2(c.times(c.max(c.times(rate, hourly), c.constant(floor)), lostHours)));
}

const LEGAL_HOURS = { fr: "Durée légale hebdomadaire du travail à la date", en: "Legal weekly working time on the date" };

export const temps_partiel = formula(reads, {
  derived: {
    // 2000–2001: 39 h up to 20 employees, 35 h above; a case that passes or fails at both needs no headcount.
    legalWeeklyHours: { label: LEGAL_HOURS, from: [], compute: (c) => c.step("legalWeeklyHours", LEGAL_HOURS, legalWeeklyHours(c)), monotone: { companyHeadcount: -1 } },
    maxNewWeeklyHours: {
      label: { fr: "Nouvel horaire maximal (4/5 de la durée légale)", en: "Highest new weekly hours (4/5 of the legal duration)" },
      from: [],
      compute: (c) => c.times(c.step("legalWeeklyHours", LEGAL_HOURS, legalWeeklyHours(c)), c.constant("maxShareOfLegalDuration")),
      monotone: { companyHeadcount: -1 },
    },
  },
  compute(c): Output {
    // The arrêté applied is the one in force when the convention was signed (the rates are keyed on its date): before
    // the arrêté of 12 April 1994, that of 11 September 1989, whose amounts are not in our sources.
    const rate1 = c.constant("rateYear1");
    const rate2 = c.constant("rateYear2");
    const prior = c.fact("priorWeeklyHours");
    const months = c.constant("monthsPerYear");
    const weeks = c.constant("weeksPerYear");
    // Hours as Decimals (39 − 31.2 is 7.800000000000001 in floating point); multiply before dividing by 12.
    const lostHours = c.step(
      "lostHours",
      { fr: "Heures perdues par mois", en: "Lost hours a month" },
      c.div(c.times(c.minus(prior, c.fact("newWeeklyHours")), weeks), months),
      "hour",
    );
    // Prior pay counted up to 2 monthly ceilings for the prior hours: 2 × PSS / (prior × 52 / 12).
    const hourlyCap = c.step(
      "hourlyWageCap",
      { fr: "Salaire horaire retenu au plus : deux plafonds mensuels pour l'horaire antérieur", en: "Hourly pay counted at most: two monthly ceilings for the prior hours" },
      c.div(c.times(c.times(c.param("pss_mensuel"), c.constant("wageCapInPss")), months), c.times(prior, weeks)),
    );
    const hourly = c.step("hourlyWage", { fr: "Salaire horaire brut retenu", en: "Gross hourly pay counted" }, c.min(c.fact("priorHourlyGrossWage"), hourlyCap));
    const raw1 = raw(c, "rawYear1", { fr: "1re année, avant le plafond de 90 %", en: "Year 1, before the 90 % cap" }, rate1, hourly, "floorYear1", lostHours);
    const raw2 = raw(c, "rawYear2", { fr: "2e année, avant le plafond de 90 %", en: "Year 2, before the 90 % cap" }, rate2, hourly, "floorYear2", lostHours);
    // L322-4 5°: net resources guaranteed never exceed 90 % of the prior net pay. The cap (CONTRACT.md:
    // 0.90 × prior net − new net) is rounded down to the cent, so that rounding never crosses the 90 %.
    const capMonthly = c.amount("capMonthly", c.floor2(c.minus(c.times(c.constant("netResourcesCap"), c.fact("priorNetMonthlyWage")), c.fact("newNetMonthlyWage"))));
    const cap = c.step("capCounted", { fr: "Plafond retenu (pas moins de zéro)", en: "Cap counted (not below zero)" }, c.max(0, capMonthly));
    const year1 = c.amount("monthlyYear1", c.min(raw1, cap));
    const year2 = c.amount("monthlyYear2", c.min(raw2, cap));
    const total = c.amount("total", c.plus(c.times(year1, months), c.times(year2, months)));
    const capApplied = raw1.v.gt(cap.v) || raw2.v.gt(cap.v);
    const n = months.v.toNumber();
    return {
      amounts: { monthlyYear1: year1, monthlyYear2: year2, capMonthly, total },
      capApplied,
      periods: [
        { label: { fr: "1re année", en: "year 1" }, months: n, amount: year1, unit: "month" },
        { label: { fr: "2e année", en: "year 2" }, months: n, amount: year2, unit: "month" },
      ],
      notes: capApplied ? [{ fr: "Plafond de 90 % du net antérieur appliqué (L322-4, 5°).", en: "Cap at 90 % of prior net pay applied (L322-4, 5°)." }] : [],
      costs: { employer: c.lit(ZERO), state: total, employee: total },
    };
  },
});
