/** aides_individuelles: aides individuelles au reclassement (L322-4, paragraph after 5°): discretionary, never an amount. */
import type { Formula } from "../formula.ts";

export const aides_individuelles: Formula = {
  compute: (c) => ({
    amounts: {},
    undetermined: {
      missing: [],
      note: {
        fr: `Décision discrétionnaire du ministre chargé du travail, après avis du ${c.date < "2005-01-01" ? "comité supérieur de l'emploi" : "Conseil national de l'emploi"}, pour certaines catégories de travailleurs sans emploi reprenant un emploi à temps partiel : ni condition ni montant ne peuvent être calculés.`,
        en: `A discretionary decision of the labour minister, after advice of the ${c.date < "2005-01-01" ? "comité supérieur de l'emploi" : "Conseil national de l'emploi"}, for some categories of jobless workers taking up part-time work: neither conditions nor amount can be computed.`,
      },
    },
  }),
};
