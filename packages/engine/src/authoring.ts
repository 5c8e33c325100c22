/**
 * What an aid's formula (rules/<aid>/formula.ts) imports from the engine (`@fne/engine/formula`): `formula()`, the
 * context's types, the traced values, and the pieces several formulas share. Nothing here names an aid: an article
 * a text cites is the formula's argument. This module imports no part of the engine that loads the rules, so the
 * rules' formulas and the engine's index do not import each other.
 */
import type { Text } from "@fne/schema";
import type { D } from "./decimal.ts";
import type { Ops, Output } from "./formula.ts";
import type { Val } from "./trace.ts";

export { formula, type Ctx, type Ops, type Output, type PeriodOut } from "./formula.ts";
export { ZERO, type D } from "./decimal.ts";
export { Gap, type Val } from "./trace.ts";

/**
 * A legal range between two multiples of a base amount (e.g. the minimum garanti, L141-8), each rounded half-up to
 * the cent; `rate` scales both (a range halved above a resources threshold).
 */
export function multiplesRange(c: Ops, base: Val<D>, minMultiple: Val<D>, maxMultiple: Val<D>, rate?: Val<D>) {
  const bound = (name: "minimum" | "maximum", multiple: Val<D>) => {
    const x = c.times(base, multiple);
    return c.amount(name, c.round2(rate ? c.times(x, rate) : x));
  };
  return { minimum: bound("minimum", minMultiple), maximum: bound("maximum", maxMultiple) };
}

/**
 * An amount the caseworker entered (from a scale the texts leave to an arrêté) checked against the legal range:
 * kept when inside, brought to the nearest bound otherwise, with a note saying so.
 */
export function checkInRange(
  c: Ops,
  requested: Val<D> | undefined,
  minimum: Val<D>,
  maximum: Val<D>,
): { checked?: Val<D>; details: NonNullable<Output["details"]>; notes: Text[] } {
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

/** Amounts the texts leave to an arrêté outside our sources (e.g. R322-20 al. 1): the aid lists what it opens. */
export const amountsByArrete = (article: string): Text => ({
  fr: `Montants des remboursements et indemnités listés : fixés par arrêté (${article}), hors de nos sources.`,
  en: `Amounts of the listed reimbursements and allowances: set by arrêté (${article}), not in our sources.`,
});

/** "for themselves, their spouse and their dependants": who a travel allowance covers. */
export function household(spouse: Val<boolean>, dependants: Val<number>): Text {
  const n = dependants.v;
  return {
    fr: `l'intéressé${spouse.v ? ", son conjoint" : ""} et ${n} personne(s) à charge`,
    en: `the person${spouse.v ? ", their spouse" : ""} and ${n} dependant(s)`,
  };
}

/** The travel allowance for a household, citing the paragraph that opens it. */
export const travelAllowance = (who: Text, article: string): Text => ({
  fr: `Indemnité pour frais de déplacement : ${who.fr} (${article}).`,
  en: `Travel allowance: ${who.en} (${article}).`,
});
