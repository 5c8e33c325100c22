/** asfne: allocation spéciale du FNE (L322-4 2°, R322-7; rates of the arrêté of 15 Sept 1987, secondary sources). */
import { ZERO, max, min, round2, type D } from "../decimal.ts";
import { addMonths, fullYears } from "../dates.ts";
import type { Formula, Output } from "../formula.ts";

/** DOMAIN.md: for entries before this date secondary sources give a 50 % band up to 4 × P, not confirmed. */
const FOUR_P_UNCONFIRMED_BEFORE = "1997-05-05";

export const asfne: Formula = {
  derived: {
    ageAtDate: { from: ["birthDate"], compute: (c) => fullYears(c.need<string>("birthDate"), c.date) },
  },
  compute(c): Output {
    const k = c.k;
    const kn = c.kn;
    const sjr = c.need<D>("annualReferenceWage").div(k.daysPerYear!);
    const p = c.param("pss_annuel").div(k.daysPerYear!);
    const end65 = addMonths(c.need<string>("birthDate"), kn.endAgeYears! * 12 + kn.endAgeMonths!);
    const pension = c.facts.pensionDate as string | undefined;
    const endDate = pension !== undefined && pension < end65 ? pension : end65;
    if (c.date < FOUR_P_UNCONFIRMED_BEFORE && sjr.gt(p.times(2))) {
      return {
        amounts: {},
        undetermined: {
          missing: ["arrete-1987-09-15"],
          note: {
            fr: "SJR supérieur à deux fois le plafond pour une entrée avant le 5 mai 1997 : des sources secondaires portent la tranche à 50 % jusqu'à 4 fois le plafond ; les arrêtés qui le confirmeraient ne sont pas dans nos sources.",
            en: "SJR above twice the ceiling for an entry before 5 May 1997: secondary sources extend the 50 % band to 4 ceilings; the arrêtés that would confirm it are not in our sources.",
          },
        },
      };
    }
    const band1 = k.rateBelowCeiling!.times(min(sjr, p));
    const band2 = k.rateAboveCeiling!.times(min(max(sjr.minus(p), ZERO), p));
    const floored = max(band1.plus(band2), c.param("fne_allocation_minimale"));
    const ceiling = k.ceilingRate!.times(sjr);
    const daily = round2(min(floored, ceiling));
    const notes = [];
    if (floored.gt(ceiling)) notes.push({ fr: "Plafond de 85 % du SJR appliqué.", en: "Ceiling of 85 % of SJR applied." });
    else if (floored.gt(band1.plus(band2))) notes.push({ fr: "Minimum FNE appliqué.", en: "FNE minimum applied." });
    return {
      amounts: { dailyReferenceWage: round2(sjr), dailyAllocation: daily, endDate },
      periods: [{ label: { fr: `par jour jusqu'au ${endDate}`, en: `per day until ${endDate}` }, amount: daily, unit: "day" }],
      notes,
    };
  },
};

