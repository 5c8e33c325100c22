/**
 * Loads rules/ (the law as data), validates every file with zod and compiles it once:
 * conditions become predicates, constants Decimals, citations are resolved per article version.
 * A malformed file fails fast, naming the file and the field.
 */
import { z } from "zod";
import {
  AidFile,
  ArticleFile,
  ParameterFile,
  RuleVersionFile,
  type Citation,
  type CitationRef,
  type Condition,
  type FactDef,
  type Text,
} from "@fne/schema";
import { cite, versionBreaks, type ArticleRegistry } from "./articles.ts";
import { compileBest, factsOf, type CompileScope, type Predicate } from "./conditions.ts";
import { D } from "./decimal.ts";
import { compileFacts, factsSchema, mergeFactDefs, type FactsSchema } from "./facts.ts";
import type { Context, Derived, Formula } from "./formula.ts";
import { lazyDerivedClass } from "./evaluate.ts";
import { buildSeries, type ParameterSeries } from "./parameters.ts";
import { formulas as builtinFormulas } from "./aids/index.ts";

export interface RuleFiles {
  /** The newest rules/CHANGELOG.md entry and a content hash (rules/build-index.mjs). */
  rulesVersion: string;
  aidFiles: Record<string, unknown>;
  ruleVersionFiles: Record<string, unknown>;
  parameterFiles: Record<string, unknown>;
  articleFiles: Record<string, unknown>;
}

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`rules/${file}: ${field ? `${field}: ` : ""}${detail}`);
  }
}

function parse<T>(schema: z.ZodType<T>, file: string, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new RuleFileError(file, i.path.join("."), i.message);
}

export interface CompiledCondition {
  id: string;
  text: Text;
  predicate: Predicate;
  /** Facts it compares, as written (may include derived facts). */
  reads: string[];
  /** Input facts behind them, for the missing list. */
  inputs: string[];
  /**
   * For each number fact it depends on, whether the condition rises (+1) or falls (−1) with it, or neither (0):
   * relevance.ts decides a condition at the ends of an absent number's range only when it is monotone in it.
   */
  directions: Record<string, 1 | -1 | 0>;
}

/** Citations resolved for the article versions in force on one stretch of dates. */
export interface Segment {
  from: string;
  conditions: Citation[];
  legalBasis: Citation[];
}

export interface CompiledVersion {
  file: RuleVersionFile;
  path: string;
  formula: Formula;
  k: Record<string, D>;
  kn: Record<string, number>;
  /** What the condition compiler knew of the facts (derived, optional, plain). */
  scope: CompileScope;
  conditions: CompiledCondition[];
  /** The formula's intermediate facts, in order. */
  derived: Array<{ name: string } & Derived>;
  /** The same, computed on first read (conditionFacts). */
  lazyDerived: new (ctx: Context) => Record<string, unknown>;
  segments: Segment[];
}

export interface AidRuntime {
  def: AidFile;
  path: string;
  schema: FactsSchema;
  /** The same check as `schema`, compiled for speed (zod words the errors). */
  check: ReturnType<typeof compileFacts>;
  versions: CompiledVersion[];
}

export interface Runtime {
  /** Printed on every Result and PlanResult: which rules produced it. */
  rulesVersion: string;
  aids: Map<string, AidRuntime>;
  articles: ArticleRegistry;
  parameters: Map<string, ParameterSeries>;
  /** Every fact of every aid: the screening mode's schema. */
  allFacts: Record<string, FactDef>;
  allFactsSchema: FactsSchema;
  allFactsCheck: ReturnType<typeof compileFacts>;
}

function compileVersion(
  path: string,
  file: RuleVersionFile,
  aid: AidFile,
  formula: Formula,
  articles: ArticleRegistry,
  parameters: Map<string, ParameterSeries>,
): CompiledVersion {
  const fail = (field: string, detail: string) => new RuleFileError(path, field, detail);
  const derived = formula.derived ?? {};
  const known = (f: string) => f in aid.facts || f in derived;
  const derivedNames = new Set(Object.keys(derived));
  const optionalNames = new Set(Object.entries(aid.facts).filter(([, d]) => d.optional).map(([n]) => n));
  const plainTypes = new Set(["boolean", "enum", "date", "string"]);
  const scope = {
    derived: derivedNames,
    optional: optionalNames,
    plain: new Set(Object.entries(aid.facts).filter(([, d]) => plainTypes.has(d.type)).map(([n]) => n)),
  };
  // The input facts behind a fact (through derived facts), less the optional ones: what `missing` may name.
  const inputsOf = (f: string): string[] =>
    f in derived ? derived[f]!.from.flatMap(inputsOf) : optionalNames.has(f) ? [] : [f];

  const numbers = Object.entries(aid.facts).filter(([, d]) => d.type === "number").map(([n]) => n);
  const conditions = file.conditions.map((c, i): CompiledCondition => {
    const reads = [...new Set(factsOf(c.when))];
    for (const f of reads) if (!known(f)) throw fail(`conditions.${i}.when`, `unknown fact "${f}" (not in ${aid.id}/aid.json nor derived by the formula)`);
    const directions: CompiledCondition["directions"] = {};
    for (const n of numbers) {
      const d = conditionDirection(c.when, n, derived);
      if (d !== null) directions[n] = d;
    }
    return { id: c.id, text: c.text, predicate: compileBest(c.when, scope), reads, inputs: [...new Set(reads.flatMap(inputsOf))], directions };
  });
  file.amountFacts.forEach((f, i) => {
    if (!(f in aid.facts)) throw fail(`amountFacts.${i}`, `unknown fact "${f}"`);
  });
  const byFact = file.authority?.byFact?.fact;
  if (byFact !== undefined && !(byFact in aid.facts)) throw fail("authority.byFact.fact", `unknown fact "${byFact}"`);
  file.parameters.forEach((p, i) => {
    if (!parameters.has(p)) throw fail(`parameters.${i}`, `unknown parameter "${p}" (not in rules/parameters)`);
  });

  const refs: Array<[string, CitationRef]> = [
    ...file.legalBasis.map((r, i): [string, CitationRef] => [`legalBasis.${i}`, r]),
    ...file.conditions.map((c, i): [string, CitationRef] => [`conditions.${i}.citation`, c.citation]),
    ...Object.entries(file.constants).map(([n, c]): [string, CitationRef] => [`constants.${n}.citation`, c.citation]),
    ...(file.authority ? [["authority.citation", file.authority.citation] as [string, CitationRef]] : []),
  ];
  for (const [field, r] of refs) if (!articles.has(r.article)) throw fail(field, `unknown article "${r.article}" (not in rules/articles)`);

  const lo = file.validFrom ?? "0000-01-01";
  const hi = file.validTo ?? "9999-12-31";
  // A Result prints the conditions' citations and the legal basis: a new segment where one of those changes.
  const printed = [...file.conditions.map((c) => c.citation), ...file.legalBasis];
  const starts = [lo, ...versionBreaks(articles, printed).filter((d) => d > lo && d <= hi)];
  const segments = starts.map(
    (from): Segment => ({
      from,
      conditions: file.conditions.map((c) => cite(articles, c.citation, from)),
      legalBasis: file.legalBasis.map((r) => cite(articles, r, from)),
    }),
  );
  const k = Object.fromEntries(Object.entries(file.constants).map(([n, c]) => [n, new D(c.value)]));
  const derivedList = Object.entries(derived).map(([name, d]) => ({ name, ...d }));
  const kn = Object.fromEntries(Object.entries(k).map(([n, d]) => [n, d.toNumber()]));
  return { file, path, formula, k, kn, scope, conditions, derived: derivedList, lazyDerived: lazyDerivedClass(derivedList), segments };
}

type Direction = 1 | -1 | 0 | null;
/** Two influences of one input on one result: the same direction, or none (0); null is "does not depend". */
const merge = (a: Direction, b: Direction): Direction => (a === null ? b : b === null ? a : a === b ? a : 0);
const times = (a: Direction, b: 1 | -1 | 0): Direction => (a === null ? null : ((a * b) as 1 | -1 | 0));

/** How fact `f` moves with input `x`: itself (+1), through derived facts declaring `monotone`, or not at all (null). */
function factDirection(f: string, x: string, derived: Record<string, Derived>, seen = new Set<string>()): Direction {
  if (f === x) return 1;
  const d = derived[f];
  if (!d || seen.has(f)) return null;
  seen.add(f);
  let out: Direction = null;
  for (const i of new Set([...d.from, ...Object.keys(d.monotone ?? {})])) {
    const via = factDirection(i, x, derived, seen);
    if (via !== null) out = merge(out, times(via, d.monotone?.[i] ?? 0));
  }
  return out;
}

/** Whether a condition rises (+1) or falls (−1) with input `x`, is not monotone in it (0), or ignores it (null). */
function conditionDirection(c: Condition, x: string, derived: Record<string, Derived>): Direction {
  if ("fact" in c) {
    // a > b, a ≥ b rise with a and fall with b; a < b, a ≤ b the reverse; equality and membership are not monotone.
    const sign = { greaterThan: 1, greaterThanInclusive: 1, lessThan: -1, lessThanInclusive: -1 }[c.operator as string] as 1 | -1 | undefined;
    const left = factDirection(c.fact, x, derived);
    const v = c.value;
    const right = typeof v === "object" && v !== null && !Array.isArray(v) ? factDirection(v.fact, x, derived) : null;
    return merge(times(left, sign ?? 0), times(right, sign ? (-sign as 1 | -1) : 0));
  }
  if ("not" in c) return times(conditionDirection(c.not, x, derived), -1);
  return ("all" in c ? c.all : c.any).map((p) => conditionDirection(p, x, derived)).reduce(merge, null);
}

export function loadRules(files: RuleFiles, formulas: Record<string, Formula> = builtinFormulas): Runtime {
  const articles = new Map<string, ArticleFile>();
  for (const [path, data] of Object.entries(files.articleFiles)) {
    const a = parse(ArticleFile, path, data);
    if (`articles/${a.id}.json` !== path) throw new RuleFileError(path, "id", `"${a.id}" does not match the file name`);
    articles.set(a.id, a);
  }
  const parameters = new Map<string, ParameterSeries>();
  for (const [path, data] of Object.entries(files.parameterFiles)) {
    const p = parse(ParameterFile, path, data);
    if (`parameters/${p.id}.json` !== path) throw new RuleFileError(path, "id", `"${p.id}" does not match the file name`);
    parameters.set(p.id, buildSeries(p));
  }
  const aids = new Map<string, AidRuntime>();
  for (const [path, data] of Object.entries(files.aidFiles)) {
    const a = parse(AidFile, path, data);
    if (`${a.id}/aid.json` !== path) throw new RuleFileError(path, "id", `"${a.id}" does not match the folder name`);
    aids.set(a.id, { def: a, path, schema: factsSchema(a.facts), check: compileFacts(a.facts), versions: [] });
  }
  for (const [path, data] of Object.entries(files.ruleVersionFiles)) {
    const v = parse(RuleVersionFile, path, data);
    const aid = aids.get(v.aid);
    if (!aid || !path.startsWith(`${v.aid}/`)) throw new RuleFileError(path, "aid", `"${v.aid}" has no ${v.aid}/aid.json beside this file`);
    const formula = formulas[v.formula];
    if (!formula) throw new RuleFileError(path, "formula", `no formula "${v.formula}" in packages/engine/src/aids`);
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) throw new RuleFileError(path, "validTo", "ends before validFrom");
    aid.versions.push(compileVersion(path, v, aid.def, formula, articles, parameters));
  }
  for (const aid of aids.values()) {
    aid.versions.sort((a, b) => (a.file.validFrom ?? "").localeCompare(b.file.validFrom ?? ""));
    for (let i = 1; i < aid.versions.length; i++) {
      const prev = aid.versions[i - 1]!.file;
      const cur = aid.versions[i]!;
      if (prev.validTo === null || cur.file.validFrom === null || cur.file.validFrom <= prev.validTo)
        throw new RuleFileError(cur.path, "validFrom", `overlaps ${prev.id}`);
    }
  }
  const allFacts = mergeFactDefs([...aids.values()].map((a) => [a.def.id, a.def.facts]));
  return { rulesVersion: files.rulesVersion, aids, articles, parameters, allFacts, allFactsSchema: factsSchema(allFacts), allFactsCheck: compileFacts(allFacts) };
}
