/** asfne: allocation spéciale du FNE (L322-4 2°, R322-7; rates of the arrêté of 15 Sept 1987, secondary sources). */
import { ZERO, max, min, round2, type D } from "../decimal.ts";
import { addMonths, fullYears } from "../dates.ts";
import type { Formula, Output } from "../formula.ts";

/**
 * R322-7 as in force from 1998-11-14 (décret 98-1023 du 12 novembre 1998): the 50 % band between one and two ceilings.
 * The band applies by the date the FNE convention was concluded: for earlier conventions secondary sources report a
 * band up to four ceilings (before the décret of 30 April 1997, which the Conseil d'État annulled), unconfirmed here.
 */
const TWO_CEILINGS_FOR_CONVENTIONS_FROM = "1998-11-14";

export const asfne: Formula = {
  derived: {
    ageAtDate: { from: ["birthDate"], compute: (c) => fullYears(c.need<string>("birthDate"), c.date) },
  },
  compute(c): Output {
    const k = c.k;
    const kn = c.kn;
    const sjr = c.need<D>("annualReferenceWage").div(k.daysPerYear!);
    const p = c.param("pss_annuel").div(k.daysPerYear!);
    // Above two ceilings the band depends on the convention: asked only then (below, every band gives the same).
    if (sjr.gt(p.times(2)) && c.need<string>("conventionDate") < TWO_CEILINGS_FOR_CONVENTIONS_FROM) {
      return {
        amounts: {},
        undetermined: {
          missing: ["arrete-1987-09-15"],
          note: {
            fr: "SJR supérieur à deux fois le plafond et convention conclue avant le 14 novembre 1998 : des sources secondaires portent la tranche à 50 % jusqu'à 4 fois le plafond pour ces conventions (la limite de deux plafonds du décret du 30 avril 1997 ayant été annulée par le Conseil d'État, puis rétablie par R322-7 dans sa version du 14 novembre 1998) ; les textes qui le confirmeraient ne sont pas dans nos sources.",
            en: "SJR above twice the ceiling and a convention concluded before 14 November 1998: secondary sources extend the 50 % band to 4 ceilings for these conventions (the two-ceiling limit of the décret of 30 April 1997 was annulled by the Conseil d'État, then restored by R322-7 as in force from 14 November 1998); the texts that would confirm it are not in our sources.",
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
    const dailyAmounts = { dailyReferenceWage: round2(sjr), dailyAllocation: daily };
    // R322-7: the age limit of the wording in force; a version whose wording we lack has no endAgeYears.
    if (kn.endAgeYears === undefined) {
      return {
        amounts: dailyAmounts,
        notes,
        undetermined: {
          missing: ["R322-7"],
          note: {
            fr: "Conditions remplies et montants journaliers calculés ; la date de fin dépend de la limite d'âge de R322-7 dans sa rédaction en vigueur à cette date, qui n'est pas dans nos sources : date de fin non déterminée.",
            en: "Conditions met and daily amounts computed; the end date depends on the age limit of R322-7 in the wording in force on this date, which is not in our sources: end date not determined.",
          },
        },
      };
    }
    const limit = addMonths(c.need<string>("birthDate"), kn.endAgeYears * 12 + (kn.endAgeMonths ?? 0));
    const pension = c.facts.pensionDate as string | undefined;
    const endDate = pension !== undefined && pension < limit ? pension : limit;
    return {
      amounts: { ...dailyAmounts, endDate },
      periods: [{ label: { fr: `par jour jusqu'au ${endDate}`, en: `per day until ${endDate}` }, amount: daily, unit: "day" }],
      notes,
    };
  },
};
