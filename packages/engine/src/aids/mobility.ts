/**
 * Mobility aids of the 1983 text (R322-11 … R322-32, version consolidée au 14 juillet 1983).
 * Amounts are multiples of the minimum garanti (L141-8) where the texts fix them; elsewhere the texts
 * leave the amounts to the arrêtés of R322-20 and R322-25 (not in our sources): the aid then lists the
 * benefits it opens (`entitlements`) and answers eligibility only.
 */
import type { Text } from "@fne/schema";
import { addMonths, daysBetween } from "../dates.ts";
import { D, ZERO, max, min, round2 } from "../decimal.ts";
import type { Context, Formula, Output } from "../formula.ts";

/** R322-20 al. 1 (R322-25 al. 7 for relocation): amounts and payment terms are set by arrêté. */
const byArrete = (article: string): Text => ({
  fr: `Montants des remboursements et indemnités listés : fixés par arrêté (${article}), hors de nos sources.`,
  en: `Amounts of the listed reimbursements and allowances: set by arrêté (${article}), not in our sources.`,
});

/** "for themselves, their spouse and their dependants" (R322-14 al. 2, R322-14-1 al. 2, R322-25 al. 4). */
function household(c: Context): Text {
  const n = c.need<number>("dependants");
  const spouse = c.need<boolean>("spouse");
  return {
    fr: `l'intéressé${spouse ? ", son conjoint" : ""} et ${n} personne(s) à charge`,
    en: `the person${spouse ? ", their spouse" : ""} and ${n} dependant(s)`,
  };
}

const travel = (c: Context, article: string): Text => {
  const who = household(c);
  return {
    fr: `Indemnité pour frais de déplacement : ${who.fr} (${article}).`,
    en: `Travel allowance: ${who.en} (${article}).`,
  };
};

/** R322-14 al. 4 and R322-14-1 al. 4: prime de transfert + indemnité de réinstallation, between two multiples of MG. */
function range(c: Context, rate: D) {
  const mg = c.param("minimum_garanti");
  return { minimum: round2(mg.times(c.k.minMultiple!).times(rate)), maximum: round2(mg.times(c.k.maxMultiple!).times(rate)) };
}

/** A caseworker-entered amount (from the arrêté's family scale) checked against the legal range. */
function check(c: Context, minimum: D, maximum: D): { checked?: D; details: NonNullable<Output["details"]>; notes: Text[] } {
  const requested = c.facts.requestedAmount as D | undefined;
  if (requested === undefined) return { details: {}, notes: [] };
  const inRange = requested.gte(minimum) && requested.lte(maximum);
  const checked = min(max(requested, minimum), maximum);
  return {
    checked,
    details: { requestedAmountInRange: inRange },
    notes: inRange
      ? []
      : [
          {
            fr: `Le montant demandé (${requested.toFixed(2)}) est hors de la fourchette légale [${minimum.toFixed(2)} ; ${maximum.toFixed(2)}] : ramené à ${checked.toFixed(2)}.`,
            en: `The requested amount (${requested.toFixed(2)}) is outside the legal range [${minimum.toFixed(2)}, ${maximum.toFixed(2)}]: brought to ${checked.toFixed(2)}.`,
          },
        ],
  };
}

export const mobility_transfer: Formula = {
  compute(c) {
    // R322-14 al. 4: resources "dépassent 1.000 fois le minimum garanti" → halved; strictly above.
    const threshold = round2(c.param("minimum_garanti").times(c.k.resourcesMultiple!));
    const halved = c.need<D>("householdMonthlyResources").gt(threshold);
    const { minimum, maximum } = range(c, halved ? c.k.halvingRate! : new D(1));
    const checked = check(c, minimum, maximum);
    const category = c.need<string>("category");
    const notes = checked.notes;
    if (category === "decentralisation" || category === "restructuring_transfer")
      notes.push({
        fr: "Si une convention collective, un accord d'établissement ou le contrat oblige l'employeur à payer tout ou partie des frais de déplacement et de réinstallation, il en est remboursé dans les limites de R322-14 ; le salarié garde droit au complément (R322-13, al. 3).",
        en: "If a collective agreement, an establishment agreement or the contract makes the employer pay all or part of the travel and resettlement costs, the employer is reimbursed within the limits of R322-14; the employee keeps the right to the balance (R322-13, para. 3).",
      });
    notes.push(byArrete("R322-20"));
    const months = c.kn.furnitureMonths!;
    return {
      amounts: { minimum, maximum, resourcesThreshold: threshold, halved, ...(checked.checked ? { checkedAmount: checked.checked } : {}) },
      details: checked.details,
      notes,
      entitlements: [
        travel(c, "R322-14, al. 2"),
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
};

export const mobility_transfer_l322_3: Formula = {
  compute(c) {
    // R322-14-1 al. 4: the same range as R322-14, without the resources test.
    const { minimum, maximum } = range(c, new D(1));
    const checked = check(c, minimum, maximum);
    return {
      amounts: { minimum, maximum },
      // The contract lists only the range for R322-14-1: the check of an entered amount is a detail.
      details: { ...(checked.checked ? { checkedAmount: checked.checked } : {}), ...checked.details },
      notes: [...checked.notes, byArrete("R322-20")],
      entitlements: [
        travel(c, "R322-14-1, al. 2"),
        { fr: "Indemnité forfaitaire pour le transport du mobilier (R322-14-1, al. 3).", en: "Flat allowance for moving the furniture (R322-14-1, para. 3)." },
        {
          fr: "Prime de transfert et indemnité de réinstallation, selon la composition de la famille, dans la fourchette des montants (R322-14-1, al. 4).",
          en: "Transfer premium and resettlement allowance, by family composition, within the range in the amounts (R322-14-1, para. 4).",
        },
      ],
    };
  },
};

export const double_residence: Formula = {
  compute(c) {
    // R322-17 al. 2: a daily rate of 3 × MG, for at most six months from the start of the double residence.
    const daily = round2(c.param("minimum_garanti").times(c.k.dailyMultiple!));
    const start = c.need<string>("startDate");
    const cap = daysBetween(start, addMonths(start, c.kn.maxMonths!));
    const days = c.need<number>("days");
    const paidDays = Math.min(days, cap);
    const total = daily.times(paidDays);
    return {
      amounts: { dailyAmount: daily, paidDays, total },
      periods: [{ label: { fr: "jours payés", en: "days paid" }, days: paidDays, amount: daily, unit: "day" }],
      capApplied: days > cap,
      notes:
        days > cap
          ? [{ fr: `Durée limitée à six mois : ${cap} jours à compter du ${start}.`, en: `Duration capped at six months: ${cap} days from ${start}.` }]
          : [],
      costs: { employer: ZERO, state: total, employee: total },
    };
  },
};

export const training_lodging: Formula = {
  compute(c) {
    // R322-18: actual lodging costs reimbursed up to 3 × MG a day.
    const cap = round2(c.param("minimum_garanti").times(c.k.dailyMultiple!));
    const cost = c.need<D>("nightlyCost");
    const daily = min(cost, cap);
    const total = daily.times(c.need<number>("nights"));
    return {
      amounts: { dailyCap: cap, dailyReimbursed: daily, total },
      periods: [{ label: { fr: "nuitées remboursées", en: "nights reimbursed" }, days: c.need<number>("nights"), amount: daily, unit: "day" }],
      capApplied: cost.gt(cap),
      costs: { employer: ZERO, state: total, employee: total },
    };
  },
};

export const job_search_indemnity: Formula = {
  compute: () => ({
    amounts: {},
    notes: [byArrete("R322-20")],
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
};

export const transport_voucher: Formula = {
  compute: () => ({
    amounts: {},
    entitlements: [
      {
        fr: "Bon de transport gratuit pour répondre à la convocation de l'Agence nationale pour l'emploi (R322-15).",
        en: "Free travel voucher to answer the summons of the Agence nationale pour l'emploi (R322-15).",
      },
    ],
  }),
};

export const relocation: Formula = {
  compute: (c) => {
    const who = household(c);
    return {
      amounts: {},
      notes: [byArrete("R322-25, al. 7")],
      entitlements: [
        { fr: `Remboursement des frais de transport de l'ancien au nouveau domicile : ${who.fr} (R322-25, al. 4).`, en: `Reimbursement of travel from the old to the new home: ${who.en} (R322-25, para. 4).` },
        {
          fr: `Remboursement du transport du mobilier, si le transfert est effectué dans les ${c.kn.furnitureMonths!} mois suivant l'arrivée dans la commune du nouveau domicile ; délai exceptionnellement prorogeable par le préfet (R322-25, al. 5).`,
          en: `Reimbursement of moving the furniture, if it is moved within ${c.kn.furnitureMonths!} months of arriving in the town of the new home; the préfet may exceptionally extend this period (R322-25, para. 5).`,
        },
        {
          fr: "Indemnité de réinstallation selon la composition de la famille, l'importance du déplacement et les conditions d'adaptation (R322-25, al. 6).",
          en: "Resettlement allowance by family composition, distance moved and conditions of adaptation (R322-25, para. 6).",
        },
      ],
    };
  },
};

export const youth_mobility: Formula = {
  derived: {
    // R322-27: under 26 on the first day of the first salaried job, the limit pushed back by the national service done.
    ageLimitDate: {
      from: ["birthDate", "nationalServiceMonths"],
      compute: (c) => addMonths(c.need<string>("birthDate"), c.kn.ageLimitYears! * 12 + c.need<number>("nationalServiceMonths")),
      // R322-27 al. 2 can only push the limit later: under 26 without any service is under the limit whatever the service.
      monotone: { nationalServiceMonths: 1 },
    },
    // R322-28 al. 1: the job starts within twelve months of the start point.
    windowEnd: { from: ["startPointDate"], compute: (c) => addMonths(c.need<string>("startPointDate"), c.kn.windowMonths!) },
    // R322-32: the application within six months of taking up the job.
    applicationDeadline: { from: ["jobStartDate"], compute: (c) => addMonths(c.need<string>("jobStartDate"), c.kn.applicationMonths!) },
    minCddMonths: { from: [], compute: (c) => c.kn.minCddMonths! },
    minDistanceKm: { from: [], compute: (c) => c.kn.minDistanceKm! },
  },
  compute: () => ({
    amounts: {},
    notes: [
      {
        fr: "Montant de la prime de mobilité des jeunes : hors de nos textes (L322-7 et ses arrêtés) ; seule l'éligibilité est donnée.",
        en: "Amount of the youth mobility premium: not in our texts (L322-7 and its arrêtés); eligibility only.",
      },
    ],
  }),
};
