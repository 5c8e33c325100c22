/**
 * mobility_transfer_l322_3: the R322-14 benefits for the workers of L322-3 al. 3 (R322-14-1, 1983 text).
 * Amounts in multiples of the minimum garanti (L141-8), as R322-14-1 fixes them.
 */
import { formula, amountsByArrete, household, travelAllowance, multiplesRange, checkInRange } from "@fne/engine/formula";

export const mobility_transfer_l322_3 = formula(
  {
    facts: { spouse: "boolean", dependants: "number", requestedAmount: "money" },
    constants: { minMultiple: "number", maxMultiple: "number" },
    parameters: ["minimum_garanti"],
  },
  {
    compute(c) {
      // R322-14-1 al. 4: the same range as R322-14, without the resources test.
      const { minimum, maximum } = multiplesRange(c, c.param("minimum_garanti"), c.constant("minMultiple"), c.constant("maxMultiple"));
      const checked = checkInRange(c, c.optional("requestedAmount"), minimum, maximum);
      return {
        amounts: { minimum, maximum },
        // The contract lists only the range for R322-14-1: the check of an entered amount is a detail.
        details: { ...(checked.checked ? { checkedAmount: checked.checked } : {}), ...checked.details },
        notes: [...checked.notes, amountsByArrete("R322-20")],
        entitlements: [
          travelAllowance(household(c.fact("spouse"), c.fact("dependants")), "R322-14-1, al. 2"),
          { fr: "Indemnité forfaitaire pour le transport du mobilier (R322-14-1, al. 3).", en: "Flat allowance for moving the furniture (R322-14-1, para. 3)." },
          {
            fr: "Prime de transfert et indemnité de réinstallation, selon la composition de la famille, dans la fourchette des montants (R322-14-1, al. 4).",
            en: "Transfer premium and resettlement allowance, by family composition, within the range in the amounts (R322-14-1, para. 4).",
          },
        ],
      };
    },
  },
);
