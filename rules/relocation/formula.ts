/**
 * relocation: relocation aids of a sector covered by R322-26 (R322-25, 1983 text).
 * The texts leave the amounts to the arrêtés of R322-25 (not in our sources): the aid lists the benefits it opens
 * (`entitlements`) and answers eligibility only.
 */
import { formula, amountsByArrete, household } from "@fne/engine/formula";

export const relocation = formula(
  { facts: { spouse: "boolean", dependants: "number" }, constants: { furnitureMonths: "number" }, parameters: [] },
  {
    compute: (c) => {
      const who = household(c.fact("spouse"), c.fact("dependants"));
      const months = c.constant("furnitureMonths").v.toNumber();
      return {
        amounts: {},
        notes: [amountsByArrete("R322-25, al. 7")],
        entitlements: [
          { fr: `Remboursement des frais de transport de l'ancien au nouveau domicile : ${who.fr} (R322-25, al. 4).`, en: `Reimbursement of travel from the old to the new home: ${who.en} (R322-25, para. 4).` },
          {
            fr: `Remboursement du transport du mobilier, si le transfert est effectué dans les ${months} mois suivant l'arrivée dans la commune du nouveau domicile ; délai exceptionnellement prorogeable par le préfet (R322-25, al. 5).`,
            en: `Reimbursement of moving the furniture, if it is moved within ${months} months of arriving in the town of the new home; the préfet may exceptionally extend this period (R322-25, para. 5).`,
          },
          {
            fr: "Indemnité de réinstallation selon la composition de la famille, l'importance du déplacement et les conditions d'adaptation (R322-25, al. 6).",
            en: "Resettlement allowance by family composition, distance moved and conditions of adaptation (R322-25, para. 6).",
          },
        ],
      };
    },
  },
);
