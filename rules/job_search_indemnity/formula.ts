/**
 * job_search_indemnity: travel to see a job offered elsewhere (R322-16, 1983 text).
 * The texts leave the amounts to the arrêtés of R322-20 (not in our sources): the aid lists the benefits it opens
 * (`entitlements`) and answers eligibility only.
 */
import { formula, amountsByArrete } from "@fne/engine/formula";

export const job_search_indemnity = formula(
  { facts: {}, constants: {}, parameters: [] },
  {
    compute: () => ({
      amounts: {},
      notes: [amountsByArrete("R322-20")],
      entitlements: [
        {
          fr: "Remboursement des frais de transport, ou bon de transport gratuit si la situation du travailleur l'exige, pour aller s'informer sur place des conditions de travail et de logement (R322-16, al. 1 et 2).",
          en: "Reimbursement of travel costs, or a free travel voucher if the worker's situation requires it, to go and see the working and housing conditions on the spot (R322-16, paras. 1 and 2).",
        },
        {
          fr: "Allocation forfaitaire de séjour pour l'intéressé et, le cas échéant, son conjoint (R322-16, al. 2).",
          en: "Flat stay allowance for the person and, where applicable, their spouse (R322-16, para. 2).",
        },
      ],
    }),
  },
);
