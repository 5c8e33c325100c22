/**
 * Mobility aids of the 1983 text (R322-11 … R322-32, version consolidée au 14 juillet 1983).
 * Amounts are multiples of the minimum garanti (L141-8) where the texts fix them; elsewhere the texts
 * leave the amounts to the arrêtés of R322-20 and R322-25 (not in our sources): the aid then lists the
 * benefits it opens (`entitlements`) and answers eligibility only.
 */
import type { Text } from "@fne/schema";
import { ZERO, type D } from "../decimal.ts";
import { formula, type Ops, type Output } from "../formula.ts";
import type { Val } from "../trace.ts";

/** R322-20 al. 1 (R322-25 al. 7 for relocation): amounts and payment terms are set by arrêté. */
const byArrete = (article: string): Text => ({
  fr: `Montants des remboursements et indemnités listés : fixés par arrêté (${article}), hors de nos sources.`,
  en: `Amounts of the listed reimbursements and allowances: set by arrêté (${article}), not in our sources.`,
});

/** "for themselves, their spouse and their dependants" (R322-14 al. 2, R322-14-1 al. 2, R322-25 al. 4). */
function household(spouseFact: Val<boolean>, dependants: Val<number>): Text {
  const n = dependants.v;
  const spouse = spouseFact.v;
  return {
    fr: `l'intéressé${spouse ? ", son conjoint" : ""} et ${n} personne(s) à charge`,
    en: `the person${spouse ? ", their spouse" : ""} and ${n} dependant(s)`,
  };
}

const travel = (who: Text, article: string): Text => {
  return {
    fr: `Indemnité pour frais de déplacement : ${who.fr} (${article}).`,
    en: `Travel allowance: ${who.en} (${article}).`,
  };
};

/** R322-14 al. 4 and R322-14-1 al. 4: prime de transfert + indemnité de réinstallation, between two multiples of MG; `rate` halves it. */
function range(c: Ops, mg: Val<D>, minMultiple: Val<D>, maxMultiple: Val<D>, rate?: Val<D>) {
  return { minimum: bound(c, "minimum", mg, minMultiple, rate), maximum: bound(c, "maximum", mg, maxMultiple, rate) };
}
function bound(c: Ops, name: "minimum" | "maximum", mg: Val<D>, multiple: Val<D>, rate: Val<D> | undefined) {
  const x = c.times(mg, multiple);
  return c.amount(name, c.round2(rate ? c.times(x, rate) : x));
}

/** A caseworker-entered amount (from the arrêté's family scale) checked against the legal range. */
function check(c: Ops, requested: Val<D> | undefined, minimum: Val<D>, maximum: Val<D>): { checked?: Val<D>; details: NonNullable<Output["details"]>; notes: Text[] } {
  if (requested === undefined) return { details: {}, notes: [] };
  const inRange = requested.v.gte(minimum.v) && requested.v.lte(maximum.v);
  const checked = c.amount("checkedAmount", c.min(c.max(requested, minimum), maximum));
  const [r, lo, hi, ch] = [requested, minimum, maximum, checked].map((x) => x.v.toFixed(2));
  return {
    checked,
    details: { requestedAmountInRange: c.lit(inRange) },
    notes: inRange
      ? []
      : [
          {
            fr: `Le montant demandé (${r}) est hors de la fourchette légale [${lo} ; ${hi}] : ramené à ${ch}.`,
            en: `The requested amount (${r}) is outside the legal range [${lo}, ${hi}]: brought to ${ch}.`,
          },
        ],
  };
}

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
      const { minimum, maximum } = range(c, mg, c.constant("minMultiple"), c.constant("maxMultiple"), halved.v ? c.constant("halvingRate") : undefined);
      const checked = check(c, c.optional("requestedAmount"), minimum, maximum);
      const category = c.fact("category").v;
      const notes = checked.notes;
      if (category === "decentralisation" || category === "restructuring_transfer") notes.push(RELOCATION_NOTE);
      notes.push(byArrete("R322-20"));
      const months = c.constant("furnitureMonths").v.toNumber();
      return {
        amounts: { minimum, maximum, resourcesThreshold: threshold, halved, ...(checked.checked ? { checkedAmount: checked.checked } : {}) },
        details: checked.details,
        notes,
        entitlements: [
          travel(household(c.fact("spouse"), c.fact("dependants")), "R322-14, al. 2"),
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

export const mobility_transfer_l322_3 = formula(
  {
    facts: { spouse: "boolean", dependants: "number", requestedAmount: "money" },
    constants: { minMultiple: "number", maxMultiple: "number" },
    parameters: ["minimum_garanti"],
  },
  {
    compute(c) {
      // R322-14-1 al. 4: the same range as R322-14, without the resources test.
      const { minimum, maximum } = range(c, c.param("minimum_garanti"), c.constant("minMultiple"), c.constant("maxMultiple"));
      const checked = check(c, c.optional("requestedAmount"), minimum, maximum);
      return {
        amounts: { minimum, maximum },
        // The contract lists only the range for R322-14-1: the check of an entered amount is a detail.
        details: { ...(checked.checked ? { checkedAmount: checked.checked } : {}), ...checked.details },
        notes: [...checked.notes, byArrete("R322-20")],
        entitlements: [
          travel(household(c.fact("spouse"), c.fact("dependants")), "R322-14-1, al. 2"),
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

export const double_residence = formula(
  { facts: { startDate: "date", days: "number" }, constants: { dailyMultiple: "number", maxMonths: "number" }, parameters: ["minimum_garanti"] },
  {
    compute(c) {
      // R322-17 al. 2: a daily rate of 3 × MG, for at most six months from the start of the double residence.
      const daily = c.amount("dailyAmount", c.round2(c.times(c.param("minimum_garanti"), c.constant("dailyMultiple"))));
      const start = c.fact("startDate");
      const cap = c.step("maxDays", { fr: "Six mois au plus, en jours", en: "Six months at most, in days" }, c.daysBetween(start, c.addMonths(start, c.constant("maxMonths"))));
      const days = c.fact("days");
      const paidDays = c.amount("paidDays", c.count(c.min(days, cap)));
      const total = c.amount("total", c.times(daily, paidDays));
      const capped = days.v > cap.v;
      return {
        amounts: { dailyAmount: daily, paidDays, total },
        periods: [{ label: { fr: "jours payés", en: "days paid" }, days: paidDays.v, amount: daily, unit: "day" }],
        capApplied: capped,
        notes: capped ? [{ fr: `Durée limitée à six mois : ${cap.v} jours à compter du ${start.v}.`, en: `Duration capped at six months: ${cap.v} days from ${start.v}.` }] : [],
        costs: { employer: c.lit(ZERO), state: total, employee: total },
      };
    },
  },
);

export const training_lodging = formula(
  { facts: { nightlyCost: "money", nights: "number" }, constants: { dailyMultiple: "number" }, parameters: ["minimum_garanti"] },
  {
    compute(c) {
      // R322-18: actual lodging costs reimbursed up to 3 × MG a day.
      const cap = c.amount("dailyCap", c.round2(c.times(c.param("minimum_garanti"), c.constant("dailyMultiple"))));
      const cost = c.fact("nightlyCost");
      const daily = c.amount("dailyReimbursed", c.min(cost, cap));
      const nights = c.fact("nights");
      const total = c.amount("total", c.times(daily, nights));
      return {
        amounts: { dailyCap: cap, dailyReimbursed: daily, total },
        periods: [{ label: { fr: "nuitées remboursées", en: "nights reimbursed" }, days: nights.v, amount: daily, unit: "day" }],
        capApplied: cost.v.gt(cap.v),
        costs: { employer: c.lit(ZERO), state: total, employee: total },
      };
    },
  },
);

export const job_search_indemnity = formula(
  { facts: {}, constants: {}, parameters: [] },
  {
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
  },
);

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

export const relocation = formula(
  { facts: { spouse: "boolean", dependants: "number" }, constants: { furnitureMonths: "number" }, parameters: [] },
  {
    compute: (c) => {
      const who = household(c.fact("spouse"), c.fact("dependants"));
      const months = c.constant("furnitureMonths").v.toNumber();
      return {
        amounts: {},
        notes: [byArrete("R322-25, al. 7")],
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

export const youth_mobility = formula(
  {
    facts: { birthDate: "date", nationalServiceMonths: "number", startPointDate: "date", jobStartDate: "date" },
    constants: { ageLimitYears: "number", windowMonths: "number", minCddMonths: "number", minDistanceKm: "number", applicationMonths: "number" },
    parameters: [],
  },
  {
    derived: {
      // R322-27: under 26 on the first day of the first salaried job, the limit pushed back by the national service done.
      ageLimitDate: {
        label: { fr: "Limite d'âge (26 ans, reculée du service national accompli)", en: "Age limit (26, pushed back by the national service done)" },
        from: ["birthDate", "nationalServiceMonths"],
        compute: (c) => c.addYearsMonths(c.fact("birthDate"), c.constant("ageLimitYears"), c.fact("nationalServiceMonths")),
        // R322-27 al. 2 can only push the limit later: under 26 without any service is under the limit whatever the service.
        monotone: { nationalServiceMonths: 1 },
      },
      // R322-28 al. 1: the job starts within twelve months of the start point.
      windowEnd: {
        label: { fr: "Fin du délai de douze mois", en: "End of the twelve-month period" },
        from: ["startPointDate"],
        compute: (c) => c.addMonths(c.fact("startPointDate"), c.constant("windowMonths")),
      },
      // R322-32: the application within six months of taking up the job.
      applicationDeadline: {
        label: { fr: "Date limite de la demande", en: "Application deadline" },
        from: ["jobStartDate"],
        compute: (c) => c.addMonths(c.fact("jobStartDate"), c.constant("applicationMonths")),
      },
      minCddMonths: { label: { fr: "Durée minimale du CDD", en: "Shortest fixed-term contract" }, from: [], compute: (c) => c.count(c.constant("minCddMonths")), perSegment: true },
      minDistanceKm: { label: { fr: "Distance minimale", en: "Shortest distance" }, from: [], compute: (c) => c.count(c.constant("minDistanceKm")), perSegment: true },
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
  },
);
