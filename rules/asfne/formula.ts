/** asfne: allocation spéciale du FNE (L322-4 2°, R322-7; rates of the arrêté of 15 Sept 1987, secondary sources). */
import { formula, Gap, type Output } from "@fne/engine/formula";

export const asfne = formula(
  {
    facts: { birthDate: "date", annualReferenceWage: "money", conventionDate: "date", pensionDate: "date" },
    constants: {
      daysPerYear: "number",
      rateBelowCeiling: "number",
      rateAboveCeiling: "number",
      ceilingRate: "number",
      bandCeilingsCertain: "number",
      bandCeilings: "number",
      endAgeYears: "number",
      endAgeMonths: "number",
    },
    parameters: ["pss_annuel", "fne_allocation_minimale"],
  },
  {
    derived: {
      ageAtDate: {
        label: { fr: "Âge à la date, en années révolues", en: "Age on the date, in full years" },
        from: ["birthDate"],
        compute: (c) => c.fullYears(c.fact("birthDate"), c.lit(c.date, "date")),
      },
    },
    compute(c): Output {
      const days = c.constant("daysPerYear");
      const sjr = c.step("sjr", { fr: "Salaire journalier de référence (SJR)", en: "Daily reference wage (SJR)" }, c.div(c.fact("annualReferenceWage"), days));
      const p = c.step("ceiling", { fr: "Plafond journalier de la sécurité sociale (P)", en: "Daily social-security ceiling (P)" }, c.div(c.param("pss_annuel"), days));
      // The 50 % band reaches two ceilings in every source; above them, the band depends on the convention date
      // (bandCeilings), asked only then: below, every band gives the same amount.
      const twoCeilings = c.step("bandFloor", { fr: "Deux plafonds", en: "Two ceilings" }, c.times(c.constant("bandCeilingsCertain"), p));
      const inBands = c.step(
        "sjrInBands",
        { fr: "SJR retenu dans les tranches", en: "SJR counted in the bands" },
        c.branch(
          c.gt(sjr, twoCeilings),
          () => c.min(sjr, c.times(c.constant("bandCeilings"), p)),
          () => sjr,
        ),
      );
      const band1 = c.step("band1", { fr: "Tranche à 65 %, jusqu'au plafond", en: "65 % band, up to the ceiling" }, c.times(c.constant("rateBelowCeiling"), c.min(inBands, p)));
      const band2 = c.step("band2", { fr: "Tranche à 50 %, au-delà du plafond", en: "50 % band, above the ceiling" }, c.times(c.constant("rateAboveCeiling"), c.max(0, c.minus(inBands, p))));
      const bands = c.step("bands", { fr: "Allocation par tranches", en: "Allowance by bands" }, c.plus(band1, band2));
      const floored = c.step("withMinimum", { fr: "Au moins le minimum FNE", en: "At least the FNE minimum" }, c.max(bands, c.param("fne_allocation_minimale")));
      const ceiling = c.step("ceiling85", { fr: "Plafond : 85 % du SJR", en: "Ceiling: 85 % of SJR" }, c.times(c.constant("ceilingRate"), sjr));
      const daily = c.amount("dailyAllocation", c.round2(c.min(floored, ceiling)));
      const dailyAmounts = { dailyReferenceWage: c.amount("dailyReferenceWage", c.round2(sjr)), dailyAllocation: daily };
      const notes = [];
      if (floored.v.gt(ceiling.v)) notes.push({ fr: "Plafond de 85 % du SJR appliqué.", en: "Ceiling of 85 % of SJR applied." });
      else if (floored.v.gt(bands.v)) notes.push({ fr: "Minimum FNE appliqué.", en: "FNE minimum applied." });
      // R322-7: the age limit of the wording in force; where our sources lack that wording, the end date stays open.
      const years = c.constantOrGap("endAgeYears");
      const months = c.constantOrGap("endAgeMonths");
      if (years instanceof Gap) return { amounts: dailyAmounts, notes, undetermined: years };
      if (months instanceof Gap) return { amounts: dailyAmounts, notes, undetermined: months };
      const limit = c.step("ageLimit", { fr: "Limite d'âge de R322-7", en: "Age limit of R322-7" }, c.addYearsMonths(c.fact("birthDate"), years, months));
      const pension = c.optional("pensionDate");
      const endDate = c.amount("endDate", pension ? c.earliest(pension, limit) : limit);
      return {
        amounts: { ...dailyAmounts, endDate },
        periods: [{ label: { fr: `par jour jusqu'au ${endDate.v}`, en: `per day until ${endDate.v}` }, amount: daily, unit: "day" }],
        notes,
      };
    },
  },
);
