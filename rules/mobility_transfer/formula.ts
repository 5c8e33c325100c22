/**
 * mobility_transfer: prime de transfert and indemnité de réinstallation (R322-11 … R322-14, 1983 text).
 * Amounts in multiples of the minimum garanti (L141-8), as R322-14 fixes them.
 */
import type { Text } from "@fne/schema";
import { formula, amountsByArrete, household, travelAllowance, multiplesRange, checkInRange } from "@fne/engine/formula";

/** R322-13 al. 3: the employer bound to pay the costs is reimbursed; the employee keeps the balance. */
const RELOCATION_NOTE: Text = {
  fr: "Si une convention collective, un accord d'établissement ou le contrat oblige l'employeur à payer tout ou partie des frais de déplacement et de réinstallation, il en est remboursé dans les limites de R322-14 ; le salarié garde droit au complément (R322-13, al. 3).",
  en: "If a collective agreement, an establishment agreement or the contract makes the employer pay all or part of the travel and resettlement costs, the employer is reimbursed within the limits of R322-14; the employee keeps the right to the balance (R322-13, para. 3).",
};

export const mobility_transfer = formula(
  {
    facts: { householdMonthlyResources: "money", category: "enum", spouse: "boolean", dependants: "number", requestedAmount: "money" },
    constants: { minMultiple: "number", maxMultiple: "number", resourcesMultiple: "number", halvingRate: "number", furnitureMonths: "number" },
    parameters: ["minimum_garanti"],
  },
  {
    compute(c) {
      // R322-14 al. 4: resources "dépassent 1.000 fois le minimum garanti" → halved; strictly above.
      const threshold = c.amount("resourcesThreshold", c.round2(c.times(c.param("minimum_garanti"), c.constant("resourcesMultiple"))));
      const halved = c.amount("halved", c.gt(c.fact("householdMonthlyResources"), threshold));
      const mg = c.param("minimum_garanti");
      const { minimum, maximum } = multiplesRange(c, mg, c.constant("minMultiple"), c.constant("maxMultiple"), halved.v ? c.constant("halvingRate") : undefined);
      const checked = checkInRange(c, c.optional("requestedAmount"), minimum, maximum);
      const category = c.fact("category").v;
      const notes = checked.notes;
      if (category === "decentralisation" || category === "restructuring_transfer") notes.push(RELOCATION_NOTE);
      notes.push(amountsByArrete("R322-20"));
      const months = c.constant("furnitureMonths").v.toNumber();
      return {
        amounts: { minimum, maximum, resourcesThreshold: threshold, halved, ...(checked.checked ? { checkedAmount: checked.checked } : {}) },
        details: checked.details,
        notes,
        entitlements: [
          travelAllowance(household(c.fact("spouse"), c.fact("dependants")), "R322-14, al. 2"),
          {
            fr: `Indemnité forfaitaire pour le transport du mobilier, si le transfert est effectué dans les ${months} mois de l'arrivée dans la commune du nouveau domicile ; ce délai peut être exceptionnellement prorogé après examen de la situation individuelle (R322-14, al. 3).`,
            en: `Flat allowance for moving the furniture, if it is moved within ${months} months of arriving in the town of the new home; this period may exceptionally be extended after review of the individual situation (R322-14, para. 3).`,
          },
          {
            fr: "Prime de transfert et indemnité de réinstallation, selon la composition de la famille, dans la fourchette des montants (R322-14, al. 4).",
            en: "Transfer premium and resettlement allowance, by family composition, within the range in the amounts (R322-14, para. 4).",
          },
        ],
      };
    },
  },
);
