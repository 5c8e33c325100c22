/**
 * The golden cases of every aid: one table per aid (rules/<aid>/cases.json), run here. Each case gives its inputs
 * (a Case of CONTRACT.md), the article, the expected status and amounts written literally, and the arithmetic done
 * by hand (printed when the case fails). Every Result is also checked against the contract's shape and its working
 * (test/helpers.ts `run`). Cross-aid properties stay code tests (test/golden/*.test.ts).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AmountValue, Case, Status, type CaseInput, type Result, type WorkingStep } from "@fne/schema";
import { reason, run } from "./helpers.ts";

const rulesDir = fileURLToPath(new URL("../rules/", import.meta.url));

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A partial object compared with toMatchObject (only the keys given are checked). */
const Partial = z.record(z.string(), z.unknown());
const ReasonExpect = z.strictObject({
  passed: z.boolean().nullable().optional(),
  text: z.string().optional(),
  /** The compared values, all of them. */
  values: z.record(z.string(), Scalar).optional(),
  /** Some of the compared values. */
  valuesInclude: z.record(z.string(), Scalar).optional(),
  citation: Partial.optional(),
});

/** What a case expects of its Result; every field but `status` is optional and checked only when given. */
const Expect = z.strictObject({
  status: Status,
  currency: z.enum(["FRF", "EUR"]).optional(),
  version: z.string().optional(),
  /** Every amount, literally (toEqual). */
  amounts: z.record(z.string(), AmountValue).optional(),
  /** Some amounts, literally (the others are not this case's point). */
  amountsInclude: z.record(z.string(), AmountValue).optional(),
  details: z.record(z.string(), AmountValue).optional(),
  costs: z.record(z.string(), z.string()).optional(),
  capApplied: z.boolean().optional(),
  /** Every period, each by the fields given. */
  periods: z.array(Partial).optional(),
  missing: z.array(z.string()).optional(),
  authority: z.string().nullable().optional(),
  /** Reasons by rule id. */
  reasons: z.record(z.string(), ReasonExpect).optional(),
  /** What every reason has (e.g. `{ "passed": true }`). */
  everyReason: Partial.optional(),
  /** `passed` of every reason, in order. */
  reasonsPassed: z.array(z.boolean().nullable()).optional(),
  /** The rules that failed (passed false), in order. */
  failing: z.array(z.string()).optional(),
  /** Regular expressions the notes, joined by a space, must each match. */
  notes: z.array(z.string()).optional(),
  legalBasis: z.array(Partial).optional(),
  /** The legal basis entry of an article, by the fields given (`{}`: cited). */
  legalBasisByArticle: z.record(z.string(), Partial).optional(),
  /** Every parameter used, each by the fields given. */
  parameters: z.array(Partial).optional(),
  /** A parameter used, by id, by the fields given. */
  parametersById: z.record(z.string(), Partial).optional(),
  nearestVersions: z.array(Partial).optional(),
  /** The first of the nearest versions, by the fields given. */
  nearestVersion: Partial.optional(),
  successor: Partial.optional(),
  entitlements: z
    .strictObject({
      count: z.number().int().optional(),
      /** By position: a text the entitlement contains. */
      contains: z.record(z.string(), z.string()).optional(),
      /** By position: a regular expression the entitlement matches. */
      matches: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  /** A step of the working by its path of names from the amount ("endDate.ageLimit.endAgeMonths"), by the fields given. */
  working: z.record(z.string(), Partial).optional(),
});

const GoldenCase = z.strictObject({
  name: z.string().min(1),
  /** The article (and paragraph) the case exercises, e.g. "R322-6 al. 3". */
  article: z.string().min(1),
  /** A Case of CONTRACT.md, run as written (validated here, parsed by the engine). */
  case: z.custom<CaseInput>((x) => Case.safeParse(x).success, "not a Case of CONTRACT.md"),
  /** The hand computation, one line each; empty for a pure eligibility case. */
  arithmetic: z.array(z.string()),
  expect: Expect,
});
const CasesFile = z.strictObject({ cases: z.array(GoldenCase).min(1) }).refine((f) => new Set(f.cases.map((c) => c.name)).size === f.cases.length, "two cases with one name");
type GoldenCase = z.infer<typeof GoldenCase>;

function step(r: Result, path: string): WorkingStep | undefined {
  const [amount, ...names] = path.split(".");
  let s = r.working?.[amount!];
  for (const n of names) s = s?.steps?.find((x) => x.name === n);
  return s;
}

function check(r: Result, e: GoldenCase["expect"]) {
  expect(r.status).toBe(e.status);
  if (e.currency !== undefined) expect(r.currency).toBe(e.currency);
  if (e.version !== undefined) expect(r.version).toBe(e.version);
  if (e.amounts) expect(r.amounts).toEqual(e.amounts);
  if (e.amountsInclude) expect(r.amounts).toMatchObject(e.amountsInclude);
  if (e.details) expect(r.details).toEqual(e.details);
  if (e.costs) expect(r.costs).toMatchObject(e.costs);
  if (e.capApplied !== undefined) expect(r.capApplied).toBe(e.capApplied);
  if (e.periods) expect(r.periods).toMatchObject(e.periods);
  if (e.missing) expect(r.missing).toEqual(e.missing);
  if (e.authority !== undefined) expect(r.authority).toBe(e.authority);
  for (const [id, x] of Object.entries(e.reasons ?? {})) {
    const got = reason(r, id);
    if (x.passed !== undefined) expect(got.passed, id).toBe(x.passed);
    if (x.text !== undefined) expect(got.text, id).toBe(x.text);
    if (x.values) expect(got.values, id).toEqual(x.values);
    if (x.valuesInclude) expect(got.values, id).toMatchObject(x.valuesInclude);
    if (x.citation) expect(got.citation, id).toMatchObject(x.citation);
  }
  if (e.everyReason) expect(r.reasons).toMatchObject(r.reasons.map(() => e.everyReason));
  if (e.reasonsPassed) expect(r.reasons.map((x) => x.passed)).toEqual(e.reasonsPassed);
  if (e.failing) expect(r.reasons.filter((x) => x.passed === false).map((x) => x.rule)).toEqual(e.failing);
  for (const re of e.notes ?? []) expect(r.notes.join(" ")).toMatch(new RegExp(re));
  if (e.legalBasis) expect(r.legalBasis).toEqual(e.legalBasis);
  for (const [article, x] of Object.entries(e.legalBasisByArticle ?? {})) expect(r.legalBasis.find((b) => b.article === article), article).toMatchObject(x);
  if (e.parameters) expect(r.parameters).toMatchObject(e.parameters);
  for (const [id, x] of Object.entries(e.parametersById ?? {})) expect(r.parameters?.find((p) => p.id === id), id).toMatchObject(x);
  if (e.nearestVersions) expect(r.nearestVersions).toEqual(e.nearestVersions);
  if (e.nearestVersion) expect(r.nearestVersions?.[0]).toMatchObject(e.nearestVersion);
  if (e.successor) expect(r.successor).toMatchObject(e.successor);
  if (e.entitlements?.count !== undefined) expect(r.entitlements).toHaveLength(e.entitlements.count);
  for (const [i, text] of Object.entries(e.entitlements?.contains ?? {})) expect(r.entitlements?.[Number(i)]).toContain(text);
  for (const [i, re] of Object.entries(e.entitlements?.matches ?? {})) expect(r.entitlements?.[Number(i)]).toMatch(new RegExp(re));
  for (const [path, x] of Object.entries(e.working ?? {})) expect(step(r, path), path).toMatchObject(x);
}

const jsonFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : []);

const aids = readdirSync(rulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${rulesDir}${d.name}/aid.json`))
  .map((d) => d.name)
  .sort();

describe.each(aids)("rules/%s/cases.json", (aid) => {
  const file = `${rulesDir}${aid}/cases.json`;
  it("has a table of golden cases and an example", () => {
    expect(existsSync(file)).toBe(true);
    expect(jsonFiles(`${rulesDir}${aid}/examples`)).not.toEqual([]);
  });
  if (!existsSync(file)) return;
  const parsed = CasesFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    it("cases.json is well formed", () => expect.fail(z.prettifyError(parsed.error)));
    return;
  }
  // An example shows the aid at work: eligible, or undetermined where our sources never give its amount (no
  // eligible case in its table).
  const exampleStatus = parsed.data.cases.some((c) => c.expect.status === "eligible") ? "eligible" : "undetermined";
  it.each(jsonFiles(`${rulesDir}${aid}/examples`))(`examples/%s is ${exampleStatus}`, (f) => {
    const c = JSON.parse(readFileSync(`${rulesDir}${aid}/examples/${f}`, "utf8")) as CaseInput;
    expect(c.aid).toBe(aid);
    expect(run(c).status).toBe(exampleStatus);
  });
  it.each(parsed.data.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(c.case.aid, "a case of this folder's aid").toBe(aid);
    try {
      check(run(c.case), c.expect);
    } catch (err) {
      if (err instanceof Error && c.arithmetic.length) err.message += `\n\n${c.article}, by hand:\n  ${c.arithmetic.join("\n  ")}`;
      throw err;
    }
  });
});
