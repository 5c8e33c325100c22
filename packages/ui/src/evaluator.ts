/**
 * How a case is evaluated: in the page with the engine (no server), or by the API (POST {api}/v1/evaluate,
 * CONTRACT.md). Both give a Result (or a screening) or throw a CaseError carrying the contract's issues.
 */
import { evaluate as engineEvaluate, InputError } from "@fne/engine";
import type { CaseInput, ErrorIssue, Result, Screening } from "@fne/schema";

export type Evaluate = (c: CaseInput) => Promise<Result | Screening>;

/** Invalid input, with the contract's issues ({ path: "facts.newWeeklyHours", message }). */
export class CaseError extends Error {
  constructor(
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
  }
}

/** The engine, in the page. */
export const localEvaluate: Evaluate = async (c) => {
  try {
    return engineEvaluate(c);
  } catch (e) {
    if (e instanceof InputError) throw new CaseError(e.message, e.issues);
    throw e;
  }
};

/** The API at `baseUrl` (e.g. "http://127.0.0.1:8787"). */
export function apiEvaluate(baseUrl: string, fetchImpl: typeof fetch = fetch): Evaluate {
  const url = `${baseUrl.replace(/\/+$/, "")}/v1/evaluate`;
  return async (c) => {
    const res = await fetchImpl(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(c) });
    const body: unknown = await res.json().catch(() => undefined);
    if (res.ok) return body as Result | Screening;
    const err = (body as { error?: { message?: string; issues?: ErrorIssue[] } } | undefined)?.error;
    if (res.status === 400 && err) throw new CaseError(err.message ?? "invalid case", err.issues ?? []);
    throw new Error(`${url}: HTTP ${res.status}${err?.message ? ` — ${err.message}` : ""}`);
  };
}

/** The evaluator a component uses: its `evaluate` prop, else the API at `apiUrl`, else the engine. */
export const resolveEvaluate = (evaluate?: Evaluate, apiUrl?: string): Evaluate =>
  evaluate ?? (apiUrl ? apiEvaluate(apiUrl) : localEvaluate);
