/**
 * The calculator's public API seen from a page (CONTRACT.md): the aids with their facts and labels (GET /v1/aids), a
 * case's Result (POST /v1/evaluate), an article at a date (GET /v1/articles/:id?date=). No engine here: this is all
 * the widget loads when it is given an `api-url`.
 *
 * The answers are checked with zod/mini (a few kB, where zod's full build and @fne/schema's shapes weigh tens):
 * only what the form reads, objects left open, so a wrong `api-url` is one clear error and never a broken form.
 * The full shapes stay in @fne/schema, which the API answers with.
 */
import * as z from "zod/mini";
import type { AidDescription, ArticleAtDate, CaseInput, ErrorIssue, Result, Screening } from "@fne/schema";

export type Evaluate = (c: CaseInput) => Promise<Result | Screening>;
/** An article in the version in force at a date, or undefined when the calculator does not have it. */
export type GetArticle = (id: string, date: string) => ArticleAtDate | undefined | Promise<ArticleAtDate | undefined>;

/** What the form needs to know and do: the aids, how to evaluate a case, where to read an article. */
export interface AidSource {
  aids: AidDescription[];
  evaluate: Evaluate;
  getArticle: GetArticle;
}

/** Invalid input, with the contract's issues ({ path: "facts.newWeeklyHours", message }). */
export class CaseError extends Error {
  constructor(
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
  }
}

const Text = z.object({ fr: z.string(), en: z.string() });
const AidsAnswer = z.array(
  z.looseObject({
    id: z.string(),
    title: Text,
    description: Text,
    facts: z.record(z.string(), z.looseObject({ type: z.string(), label: Text })),
    amounts: z.record(z.string(), z.looseObject({ label: Text })),
  }),
);
const ResultAnswer = z.looseObject({
  aid: z.string(),
  title: z.string(),
  date: z.string(),
  status: z.enum(["eligible", "ineligible", "undetermined", "no_law"]),
  currency: z.enum(["FRF", "EUR"]),
  amounts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  periods: z.array(z.looseObject({ label: z.string(), amount: z.string() })),
  missing: z.array(z.string()),
  reasons: z.array(z.looseObject({ rule: z.string(), text: z.string(), citation: z.looseObject({ article: z.string() }) })),
  legalBasis: z.array(z.looseObject({ article: z.string() })),
  notes: z.array(z.string()),
});
const EvaluateAnswer = z.union([ResultAnswer, z.looseObject({ date: z.string(), results: z.array(ResultAnswer) })]);
const ArticleAnswer = z.looseObject({
  id: z.string(),
  title: z.string(),
  version: z.nullable(z.looseObject({ from: z.nullable(z.string()), to: z.nullable(z.string()) })),
  versions: z.array(z.looseObject({ from: z.nullable(z.string()), to: z.nullable(z.string()) })),
});
const ErrorAnswer = z.object({ error: z.object({ message: z.optional(z.string()), issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))) }) });

const trimmed = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

/** The body of a 2xx answer, checked; anything else is an Error naming the URL (and the API's message). */
function checked<T>(url: string, res: Response, body: unknown, schema: z.ZodMiniType<T>): T {
  if (!res.ok) {
    const err = ErrorAnswer.safeParse(body);
    throw new Error(`${url}: HTTP ${res.status}${err.success && err.data.error.message ? ` — ${err.data.error.message}` : ""}`);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new Error(`${url}: not an answer of the FNE calculator's API (${first ? `${first.path.join(".") || "body"}: ${first.message}` : "unreadable"})`);
}

const json = (res: Response): Promise<unknown> => res.json().catch(() => undefined);

/** POST {api}/v1/evaluate (e.g. api "http://127.0.0.1:8787"): a Result or a screening; a 400 is a CaseError. */
export function apiEvaluate(baseUrl: string, fetchImpl: typeof fetch = fetch): Evaluate {
  const url = `${trimmed(baseUrl)}/v1/evaluate`;
  return async (c) => {
    const res = await fetchImpl(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(c) });
    const body = await json(res);
    const err = res.status === 400 ? ErrorAnswer.safeParse(body) : undefined;
    if (err?.success) throw new CaseError(err.data.error.message ?? "invalid case", err.data.error.issues ?? []);
    // Checked on what the form reads; the rest of the contract's Result (working, parameters, …) passes through.
    return checked(url, res, body, EvaluateAnswer) as Result | Screening;
  };
}

/** GET {api}/v1/aids: every aid with its facts, their types and labels. */
export async function apiAids(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<AidDescription[]> {
  const url = `${trimmed(baseUrl)}/v1/aids`;
  const res = await fetchImpl(url);
  return checked(url, res, await json(res), AidsAnswer) as AidDescription[];
}

/** GET {api}/v1/articles/:id?date=: the article in force at the date; a 404 is an article the API does not have. */
export function apiArticle(baseUrl: string, fetchImpl: typeof fetch = fetch): (id: string, date: string) => Promise<ArticleAtDate | undefined> {
  return async (id, date) => {
    const url = `${trimmed(baseUrl)}/v1/articles/${encodeURIComponent(id)}?date=${encodeURIComponent(date)}`;
    const res = await fetchImpl(url);
    if (res.status === 404) return undefined;
    return checked(url, res, await json(res), ArticleAnswer) as ArticleAtDate;
  };
}

/** Everything from the API at `baseUrl`: the aids are read once, now. */
export async function apiSource(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<AidSource> {
  return { aids: await apiAids(baseUrl, fetchImpl), evaluate: apiEvaluate(baseUrl, fetchImpl), getArticle: apiArticle(baseUrl, fetchImpl) };
}
