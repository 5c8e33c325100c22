/** What a caseworker compares between two evaluations: the status and each aid's status and amounts. */
import type { Outcome, Result, Screening, Status } from "@fne/schema";

/** Best first: a screening's status is its best aid's. */
const RANK: Status[] = ["eligible", "undetermined", "ineligible", "no_law"];

export function statusOf(r: Result | Screening): Status {
  if (!("results" in r)) return r.status;
  return RANK.find((s) => r.results.some((x) => x.status === s)) ?? "no_law";
}

export function outcomeOf(r: Result | Screening): Outcome {
  const results = "results" in r ? r.results : [r];
  return {
    rulesVersion: r.rulesVersion,
    status: statusOf(r),
    aids: results.map((x) => ({ aid: x.aid, status: x.status, amounts: x.amounts })),
  };
}

/** Keys sorted: jsonb gives an object's keys back in its own order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
}

/** Same status and same amounts for every aid (the rules version aside). */
export const sameOutcome = (a: Outcome, b: Outcome) => JSON.stringify(canonical([a.status, a.aids])) === JSON.stringify(canonical([b.status, b.aids]));
