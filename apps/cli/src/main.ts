#!/usr/bin/env node
/**
 * pnpm calc <case.json | ->                          a Case → a Result (or a screening of every aid)
 * pnpm calc <plan.json>                              a Plan (has `employees`) → a PlanResult
 * pnpm calc --csv plan.csv --date D --headcount N    a plan file (CSV in any dialect, or xlsx) → a PlanResult
 *    [--proposes-crp true|false] [--compare proposesCRP=false] [--format json|jsonl|csv|xlsx] [--out results.xlsx]
 *    [--detail full] [--lang fr|en]
 * pnpm calc --article ID [--date D]                  the article version in force (or its whole timeline)
 * Output on stdout only; invalid input: exit 2 with the contract's Error on stdout. Plans: exit 0 when every row
 * is valid, 3 when the plan ran and some rows are invalid (each with its own error).
 */
import { parseArgs } from "node:util";
import { evaluate, getRuntime, InputError, type ScenarioSpec } from "@fne/engine";
import { FORMATS, formatOfPath, type Format } from "@fne/planfile";
import { IsoDate } from "@fne/schema";
import { article } from "./article.ts";
import { fail, parseJson, print, readInput } from "./io.ts";
import { runFilePlan, runJsonPlan, type CliPlanOptions } from "./plan.ts";

const usage =
  "usage: pnpm calc <case.json | plan.json | ->  |  pnpm calc --csv plan.csv|plan.xlsx --date YYYY-MM-DD --headcount N [--proposes-crp true|false] [--compare proposesCRP=false] [--format json|jsonl|csv|xlsx] [--out results.csv|.jsonl|.json|.xlsx] [--detail full] [--lang fr|en]  |  pnpm calc --article ID [--date YYYY-MM-DD]";

const bad = (path: string, message: string, code: "invalid_case" | "invalid_plan" = "invalid_case") => new InputError(code, message, [{ path, message }]);

function checkDate(d: string | undefined, code: "invalid_case" | "invalid_plan"): string {
  if (d === undefined) throw bad("date", "--date YYYY-MM-DD is required", code);
  if (!IsoDate.safeParse(d).success) throw bad("date", `"${d}" is not a calendar date YYYY-MM-DD`, code);
  return d;
}

/** --compare proposesCRP=false → a scenario where the employer does not offer the CRP to anyone. */
function scenario(spec: string): ScenarioSpec {
  const m = /^([A-Za-z]+)=(true|false|\d+)$/.exec(spec);
  if (!m) throw bad("--compare", `"${spec}": expected name=value, e.g. proposesCRP=false`, "invalid_plan");
  const [, name, raw] = m as unknown as [string, string, string];
  const value = raw === "true" ? true : raw === "false" ? false : Number(raw);
  if (name === "proposesCRP" || name === "headcount") return { name: spec, employer: { [name]: value } };
  if (!Object.hasOwn(getRuntime().allFacts, name)) throw bad("--compare", `"${name}" is neither an employer setting (proposesCRP, headcount) nor a fact`, "invalid_plan");
  return { name: spec, facts: { [name]: value } };
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      csv: { type: "string" },
      date: { type: "string" },
      headcount: { type: "string" },
      "proposes-crp": { type: "string" },
      compare: { type: "string", multiple: true },
      out: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      detail: { type: "string" },
      article: { type: "string" },
    },
  });
  if (values.article !== undefined) {
    print(article(values.article, values.date));
    return 0;
  }
  const detail = values.detail ?? "brief";
  if (detail !== "brief" && detail !== "full") throw bad("--detail", "expected brief or full", "invalid_plan");
  const opts: CliPlanOptions = { scenarios: (values.compare ?? []).map(scenario), detail, format: formatOption(values.format), ...(values.out ? { out: outOption(values.out) } : {}) };
  const lang = values.lang;
  if (lang !== undefined && lang !== "fr" && lang !== "en") throw bad("--lang", "expected fr or en", "invalid_plan");
  if (values.csv !== undefined) {
    const date = checkDate(values.date, "invalid_plan");
    const headcount = Number(values.headcount);
    if (values.headcount === undefined || !Number.isInteger(headcount) || headcount < 0) throw bad("headcount", "--headcount N (a whole number of employees) is required", "invalid_plan");
    const p = values["proposes-crp"];
    if (p !== undefined && p !== "true" && p !== "false") throw bad("proposesCRP", "--proposes-crp takes true or false", "invalid_plan");
    return runFilePlan(values.csv, { date, employer: { headcount, ...(p ? { proposesCRP: p === "true" } : {}) }, ...(lang ? { lang } : {}) }, opts);
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw bad("(arguments)", usage);
  const input = parseJson(readInput(file));
  if (typeof input === "object" && input !== null && Object.hasOwn(input, "employees")) return runJsonPlan(lang ? { ...input, lang } : input, opts);
  print(evaluate(input));
  return 0;
}

function formatOption(f: string | undefined): Format {
  if (f === undefined) return "json";
  if ((FORMATS as readonly string[]).includes(f)) return f as Format;
  throw bad("--format", `"${f}": expected one of ${FORMATS.join(", ")}`, "invalid_plan");
}

function outOption(path: string): { path: string; format: Format } {
  const format = formatOfPath(path);
  if (!format) throw bad("--out", `"${path}": the extension names the format: .json, .jsonl, .csv or .xlsx`, "invalid_plan");
  return { path, format };
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code) process.exitCode = code;
  },
  (e: unknown) => {
  // parseArgs rejects unknown options with a TypeError carrying ERR_PARSE_ARGS_*.
    if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) fail(bad("(arguments)", `${(e as Error).message}\n${usage}`));
    fail(e);
  },
);
