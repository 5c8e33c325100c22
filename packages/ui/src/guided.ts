/**
 * Guided questions, as Publicodes' simulators ask them: from a date and one aid (or every aid, the screening), one
 * question at a time, the next fact that matters, read from the engine's `missing` (CONTRACT.md: complete and
 * relevant, so a fact it does not list cannot change any status or amount). Pure: no React, no engine; the component
 * (Guided.tsx) evaluates after each answer and asks this module what comes next.
 */
import type { AidDescription, Result, Screening } from "@fne/schema";
import type { CaseDraft } from "./draft.ts";

export const resultsOf = (value: Result | Screening): Result[] => ("results" in value ? value.results : [value]);

/**
 * The names of a Result's `missing` a question can settle: the aid's own facts the caseworker has not answered nor
 * skipped. The other names are parameters or texts not in our sources: no answer decides them.
 */
export function askable(result: Result, aid: AidDescription | undefined, asked: ReadonlySet<string>): string[] {
  if (result.status !== "undetermined" || !aid) return [];
  return result.missing.filter((name) => name in aid.facts && !asked.has(name));
}

/**
 * The next question, or undefined when every aid is decided (eligible, ineligible, no law at the date) or waits only
 * on what no question can settle (a skipped fact, a parameter, a text not in our sources).
 * Rule: each undecided aid proposes the first fact of its `missing`, which the engine lists in the order of the aid's
 * conditions, then of its formula (so a condition's fact comes before an amount's, and an unmet condition can end the
 * aid at once); of these, the one the most undecided aids still need is asked (one answer moves several aids in a
 * screening), on a tie the first in the catalog's order of the aids.
 */
export function nextQuestion(results: Result[], aids: AidDescription[], asked: ReadonlySet<string>): string | undefined {
  const byId = new Map(aids.map((a) => [a.id, a]));
  const needs = results.map((r) => askable(r, byId.get(r.aid), asked)).filter((names) => names.length > 0);
  let best: string | undefined;
  let most = 0;
  for (const [head] of needs) {
    const count = needs.filter((names) => names.includes(head!)).length;
    if (count > most) [best, most] = [head, count];
  }
  return best;
}

/** The facts asked so far, in the order they were asked (a skipped one holds ""). */
export const askedFacts = (draft: CaseDraft): string[] => Object.keys(draft.facts);

/** The draft with one more answer, or a changed one: an answer keeps its place in the list. */
export const answer = (draft: CaseDraft, name: string, value: string): CaseDraft => ({ ...draft, facts: { ...draft.facts, [name]: value } });

/**
 * The session in a query string, the facts in the order asked ("f.<fact>=" for a skipped one), so that a reload or a
 * shared link asks the same questions in the same order; draft.ts's draftFromQuery reads it back.
 */
export function guidedQuery(draft: CaseDraft): string {
  const q = new URLSearchParams();
  if (draft.date) q.set("date", draft.date);
  if (draft.aid) q.set("aid", draft.aid);
  q.set("lang", draft.lang);
  for (const [name, value] of Object.entries(draft.facts)) q.set(`f.${name}`, value.trim());
  return q.toString();
}
