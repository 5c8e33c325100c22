/**
 * transport_voucher: free travel voucher to answer the Agency's summons (R322-15, 1983 text).
 * A benefit in kind: the aid lists it (`entitlements`) and answers eligibility only.
 */
import { formula } from "@fne/engine/formula";

export const transport_voucher = formula(
  { facts: {}, constants: {}, parameters: [] },
  {
    compute: () => ({
      amounts: {},
      entitlements: [
        {
          fr: "Bon de transport gratuit pour répondre à la convocation de l'Agence nationale pour l'emploi (R322-15).",
          en: "Free travel voucher to answer the summons of the Agence nationale pour l'emploi (R322-15).",
        },
      ],
    }),
  },
);
