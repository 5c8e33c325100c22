/**
 * The FNE aid calculator engine: isomorphic (Node and browser), pure (no I/O, no clock).
 * evaluate(case) → Result (or a screening of every aid); evaluatePlan(plan) → PlanResult.
 */
import * as rules from "@fne/rules";
import type { Result, Screening } from "@fne/schema";
import { evaluateParsed, parseCase } from "./evaluate.ts";
import { loadRules, type Runtime } from "./load.ts";
import { describeAids, articleAt, articleTimeline, parameterAt } from "./catalog.ts";
import { evaluatePlanWith, type PlanOptions } from "./plan.ts";

let runtime: Runtime | undefined;

/** The rules of rules/, validated and compiled on first use. */
export function getRuntime(): Runtime {
  return (runtime ??= loadRules(rules));
}

/** Evaluate one case (CONTRACT.md). Throws InputError (with .toJSON() → Error body) on invalid input. */
export function evaluate(input: unknown): Result | Screening {
  const rt = getRuntime();
  return evaluateParsed(rt, parseCase(rt, input));
}

export { loadRules, RuleFileError, type Runtime, type RuleFiles } from "./load.ts";
export { InputError, zodIssues } from "./errors.ts";
export { parseCase, evaluateParsed, evaluateAid, conditionFacts, parseFacts, parseOverrides, checkAid, type ParsedCase } from "./evaluate.ts";
export { compile, operators, compare } from "./conditions.ts";
export { D, money, round2, currencyAt, FRF_PER_EUR } from "./decimal.ts";
export { describeAids, articleAt, articleTimeline, parameterAt, type AidDescription, type ArticleAtDate, type ParameterAtDate } from "./catalog.ts";

/** The aids with their facts, amounts and versions (GET /v1/aids, the web form). */
export const listAids = () => describeAids(getRuntime());
/** The article version in force at `date` (pnpm calc --article, GET /v1/articles/:id). */
export const getArticle = (id: string, date: string) => articleAt(getRuntime(), id, date);
/** Every version of an article (pnpm calc --article ID without a date). */
export const getArticleTimeline = (id: string) => articleTimeline(getRuntime(), id);
/** The ids of the articles in rules/articles. */
export const listArticles = () => [...getRuntime().articles.keys()].sort();
/** A dated parameter at `date` (GET /v1/parameters/:id). */
export const getParameter = (id: string, date: string) => parameterAt(getRuntime(), id, date);

/** Evaluate a layoff plan (CONTRACT.md): one result per employee in input order, totals, counts, scenarios. */
export const evaluatePlan = (input: unknown, options?: PlanOptions) => evaluatePlanWith(getRuntime(), input, options);
export { CentSum, parsePlanEnvelope, PlanRun, PlanTally, type PlanContext, type PlanOptions, type RowOutcome, type ScenarioSpec, type TallyState } from "./plan.ts";
export { aidRules, articleFiles, parameterSeries, citedVersions, type AidRules, type ParameterSeries, type ParameterStep } from "./documentation.ts";
