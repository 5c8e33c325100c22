/** temps_partiel: allocation complémentaire (L322-4 5°, R322-7-1; amounts of the arrêté of 12 April 1994, secondary sources). */
import { D, ZERO, max, min, round2 } from "../decimal.ts";
import type { Context, Formula, Output } from "../formula.ts";

/** R322-7-1 al. 2 names the arrêtés; DOMAIN.md: the 1994 amounts apply to conventions signed from this date. */
const ARRETE_1994 = "1994-04-12";

/** Legal weekly duration at the date; where the two series differ (2000–2001) the company size decides. */
function legalWeeklyHours(c: Context): D {
  const large = c.param("duree_legale_hebdomadaire");
  const small = c.param("duree_legale_hebdomadaire_20_salaries_ou_moins");
  if (large.eq(small)) return large;
  return c.need<number>("companyHeadcount") > c.kn.smallCompanyMaxHeadcount! ? large : small;
}

export const temps_partiel: Formula = {
  derived: {
    // 2000–2001: 39 h up to 20 employees, 35 h above; a case that passes or fails at both needs no headcount.
    legalWeeklyHours: { from: [], compute: legalWeeklyHours, monotone: { companyHeadcount: -1 } },
    maxNewWeeklyHours: {
      from: ["legalWeeklyHours"],
      compute: (c) => c.need<D>("legalWeeklyHours").times(c.k.maxShareOfLegalDuration!),
      monotone: { legalWeeklyHours: 1 },
    },
  },
  compute(c): Output {
    const k = c.k;
    const kn = c.kn;
    if (c.need<string>("conventionDate") < ARRETE_1994) {
      return {
        amounts: {},
        undetermined: {
          missing: ["arrete-1989-09-11"],
          note: {
            fr: "Convention signée avant le 12 avril 1994 : elle relève de l'arrêté du 11 septembre 1989, dont les montants ne sont pas dans nos sources.",
            en: "Convention signed before 12 April 1994: it falls under the arrêté of 11 September 1989, whose amounts are not in our sources.",
          },
        },
      };
    }
    // Hours as Decimals (39 − 31.2 is 7.800000000000001 in floating point); multiply before dividing by 12.
    const prior = new D(c.need<number>("priorWeeklyHours"));
    const lostHours = prior.minus(c.need<number>("newWeeklyHours")).times(k.weeksPerYear!).div(k.monthsPerYear!);
    // Prior pay counted up to 2 monthly ceilings for the prior hours: 2 × PSS / (prior × 52 / 12).
    const hourlyCap = c.param("pss_mensuel").times(k.wageCapInPss!).times(k.monthsPerYear!).div(prior.times(k.weeksPerYear!));
    const hourly = min(c.need<D>("priorHourlyGrossWage"), hourlyCap);
    const raw1 = max(hourly.times(k.rateYear1!), k.floorYear1!).times(lostHours);
    const raw2 = max(hourly.times(k.rateYear2!), k.floorYear2!).times(lostHours);
    // L322-4 5°: net resources guaranteed never exceed 90 % of the prior net pay. The cap (CONTRACT.md:
    // 0.90 × prior net − new net) is rounded down to the cent, so that rounding never crosses the 90 %.
    const capMonthly = k.netResourcesCap!.times(c.need<D>("priorNetMonthlyWage")).minus(c.need<D>("newNetMonthlyWage")).toDecimalPlaces(2, D.ROUND_FLOOR);
    const cap = max(ZERO, capMonthly);
    const year1 = min(round2(raw1), cap);
    const year2 = min(round2(raw2), cap);
    const months = kn.monthsPerYear!;
    const total = year1.times(months).plus(year2.times(months));
    const capApplied = round2(raw1).gt(cap) || round2(raw2).gt(cap);
    return {
      amounts: { monthlyYear1: year1, monthlyYear2: year2, capMonthly, total },
      capApplied,
      periods: [
        { label: { fr: "1re année", en: "year 1" }, months, amount: year1, unit: "month" },
        { label: { fr: "2e année", en: "year 2" }, months, amount: year2, unit: "month" },
      ],
      notes: capApplied ? [{ fr: "Plafond de 90 % du net antérieur appliqué (L322-4, 5°).", en: "Cap at 90 % of prior net pay applied (L322-4, 5°)." }] : [],
      costs: { employer: ZERO, state: total, employee: total },
    };
  },
};
