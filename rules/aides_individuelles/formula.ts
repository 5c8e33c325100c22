/** aides_individuelles: aides individuelles au reclassement (L322-4, paragraph after 5°): discretionary, never an amount. */
import { formula } from "@fne/engine/formula";

export const aides_individuelles = formula(
  { facts: {}, constants: {}, parameters: [] },
  {
    // Which body advises the minister (comité supérieur de l'emploi, then Conseil national de l'emploi) is said by the
    // interpretation of each rule version.
    compute: () => ({
      amounts: {},
      undetermined: {
        missing: [],
        note: {
          fr: "Décision discrétionnaire du ministre chargé du travail, pour certaines catégories de travailleurs sans emploi reprenant un emploi à temps partiel : ni condition ni montant ne peuvent être calculés.",
          en: "A discretionary decision of the labour minister, for some categories of jobless workers taking up part-time work: neither conditions nor amount can be computed.",
        },
      },
    }),
  },
);
