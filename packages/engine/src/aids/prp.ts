/** prp: préretraite progressive (older L322-4 3°). Eligibility only: the amounts are not in our sources. */
import { formula } from "../formula.ts";

export const prp = formula(
  { facts: {}, constants: { conventionsSignedBefore: "date" }, parameters: [] },
  {
    derived: {
      // Loi 2003-775 art. 18 I: conventions signed before 2005-01-01 keep producing effects until their term.
      conventionDeadline: {
        label: { fr: "Conventions signées avant le", en: "Conventions signed before" },
        from: [],
        compute: (c) => c.dateConstant("conventionsSignedBefore"),
        perSegment: true,
      },
    },
    compute: () => ({
      amounts: {},
      undetermined: {
        // DOMAIN.md: 30 % of SJR up to P plus 25 % between P and 2P with a dated minimum (arrêté of 20 April 1999,
        // secondary sources); the remaining parameters are to be sourced before being encoded.
        missing: ["arrete-1999-04-20"],
        note: {
          fr: "Conditions remplies. Le montant relève de l'arrêté du 20 avril 1999 (30 % du SJR jusqu'au plafond, 25 % entre une et deux fois le plafond, avec un minimum daté, selon des sources secondaires) dont les paramètres ne sont pas dans nos sources : pas de montant.",
          en: "Conditions met. The amount is set by the arrêté of 20 April 1999 (30 % of SJR up to the ceiling, 25 % between one and two ceilings, with a dated minimum, per secondary sources) whose parameters are not in our sources: no amount.",
        },
      },
    }),
  },
);
