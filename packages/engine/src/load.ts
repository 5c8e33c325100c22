/**
 * Loads rules/ (the law as data), validates every file with zod and compiles it once:
 * conditions become predicates, constants traced values with their citations, resolved per stretch of dates
 * (a segment: where an article version or a constant's value changes), and every name a formula declares is
 * checked against aid.json, the version's constants and rules/parameters.
 * A malformed file fails fast, naming the file and the field.
 */
import { z } from "zod";
import {
  AidFile,
  ArticleFile,
  ParameterFile,
  RuleVersionFile,
  Text,
  type CitationRef,
  type Condition,
  type Constant,
  type FactDef,
} from "@fne/schema";
import { cite, versionBreaks, type ArticleRegistry } from "./articles.ts";
import { compileBest, factsOf } from "./conditions.ts";
import { CaseContext, lazyDerivedClass } from "./context.ts";
import { addDays } from "./dates.ts";
import { D } from "./decimal.ts";
import { compileFacts, factsSchema, mergeFactDefs } from "./facts.ts";
import type { DerivedDef, Formula } from "./formula.ts";
import { buildSeries, type ParameterSeries } from "./parameters.ts";
import type { AidRuntime, CompiledCondition, CompiledVersion, ConstantValue, KeyedConstant, Runtime, Segment } from "./runtime.ts";
import { Gap, Missing, Val, type Node, type Unit } from "./trace.ts";
import { formulas as builtinFormulas } from "./aids/index.ts";

export interface RuleFiles {
  /** The newest rules/CHANGELOG.md entry and a content hash (rules/build-index.mjs). */
  rulesVersion: string;
  aidFiles: Record<string, unknown>;
  ruleVersionFiles: Record<string, unknown>;
  parameterFiles: Record<string, unknown>;
  /** How the working names each parameter (rules/parameter-labels.json). */
  parameterLabels: Record<string, unknown>;
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

export type { AidRuntime, CompiledCondition, CompiledVersion, Runtime, Segment };

/** How the working prints a number fact, from its unit in aid.json. */
const FACT_UNITS: Record<string, Unit> = { ans: "year", mois: "month", jours: "day", h: "hour", "h/mois": "hour", "h/sem.": "hour", km: "km", salariés: "employee" };
function factUnit(def: FactDef): Unit | null {
  if (def.type === "money") return "money";
  if (def.type === "date") return "date";
  return def.type === "number" && def.unit !== undefined ? (FACT_UNITS[def.unit] ?? null) : null;
}

/** One value of a constant as a formula reads it: a traced value with its citation, or what our sources lack. */
function constantValue(name: string, k: Constant, i: number, articles: ArticleRegistry, at: string): ConstantValue {
  const x = k.values[i]!;
  if (x.value === null) return new Gap(x.missing ?? [], x.note!);
  const node: Node = {
    k: "constant",
    name,
    label: x.text ?? k.text,
    unit: k.unit ?? null,
    citation: cite(articles, x.citation, at),
    written: x.value,
    currency: x.currency ?? null,
    whole: /^-?\d+$/.test(x.value) && Number.isSafeInteger(Number(x.value)) ? Number(x.value) : undefined,
    shown: {},
  };
  return new Val(k.unit === "date" ? x.value : new D(x.value), node);
}

/**
 * What the formula declares it reads, against the rules: each fact in aid.json with the same type, each constant in
 * this version (a date constant of unit date, and keyed on a fact the formula reads), each parameter in
 * rules/parameters; and each constant of the version read by the formula (a constant nobody reads is a mistake).
 */
function checkReads(formula: Formula, file: RuleVersionFile, aid: AidFile, parameters: Map<string, ParameterSeries>, fail: (field: string, detail: string) => RuleFileError) {
  const { facts, constants, parameters: params } = formula.reads;
  const where = `formula "${file.formula}"`;
  for (const [n, kind] of Object.entries(facts)) {
    const def = aid.facts[n];
    if (!def) throw fail("formula", `${where} reads the fact "${n}", not in ${aid.id}/aid.json`);
    if (def.type !== kind) throw fail("formula", `${where} reads the fact "${n}" as ${kind}; ${aid.id}/aid.json says ${def.type}`);
  }
  for (const [n, kind] of Object.entries(constants)) {
    const k = file.constants[n];
    if (!k) throw fail("constants", `${where} reads the constant "${n}", not in this version`);
    if ((k.unit === "date") !== (kind === "date")) throw fail(`constants.${n}.unit`, `${where} reads "${n}" as a ${kind}`);
    if (k.by !== undefined && !(k.by in facts)) throw fail(`constants.${n}.by`, `${where} does not declare the fact "${k.by}" this constant is keyed on`);
  }
  for (const n of Object.keys(file.constants)) if (!(n in constants)) throw fail(`constants.${n}`, `read by no formula (${where} does not declare it)`);
  for (const p of params) if (!parameters.has(p)) throw fail("formula", `${where} reads the parameter "${p}", not in rules/parameters`);
  for (const [name, d] of Object.entries(formula.derived)) {
    if (name in aid.facts) throw fail("formula", `${where}: the derived fact "${name}" has the name of a fact of ${aid.id}/aid.json`);
    for (const f of d.from) if (!(f in facts)) throw fail("formula", `${where}: the derived fact "${name}" is computed from "${f}", which the formula does not declare`);
  }
}

/** The value of a constant in force on `date` (the last whose `from` is not after it). */
function valueIndexAt(k: Constant, date: string): number {
  let found = -1;
  k.values.forEach((x, i) => {
    if (x.from === null || x.from <= date) found = i;
  });
  return found;
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
  const derived = formula.derived;
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
  const byFact = file.authority?.byFact;
  if (byFact !== undefined) {
    const def = aid.facts[byFact.fact];
    if (!def) throw fail("authority.byFact.fact", `unknown fact "${byFact.fact}"`);
    // By the fact's value: every value of the enum names its authority, and nothing else.
    if (byFact.values && (def.type !== "enum" || [...def.values].sort().join() !== Object.keys(byFact.values).sort().join()))
      throw fail("authority.byFact.values", `one authority for each value of "${byFact.fact}"${def.type === "enum" ? ` (${def.values.join(", ")})` : ""}`);
  }
  checkReads(formula, file, aid, parameters, fail);

  const refs: Array<[string, CitationRef]> = [
    ...file.legalBasis.map((r, i): [string, CitationRef] => [`legalBasis.${i}`, r]),
    ...file.conditions.map((c, i): [string, CitationRef] => [`conditions.${i}.citation`, c.citation]),
    ...Object.entries(file.constants).flatMap(([n, k]) => k.values.map((x, i): [string, CitationRef] => [`constants.${n}.values.${i}.citation`, x.citation])),
    ...(file.authority ? [["authority.citation", file.authority.citation] as [string, CitationRef]] : []),
  ];
  for (const [field, r] of refs) if (!articles.has(r.article)) throw fail(field, `unknown article "${r.article}" (not in rules/articles)`);

  const lo = file.validFrom ?? "0000-01-01";
  const hi = file.validTo ?? "9999-12-31";
  const caseDated = Object.entries(file.constants).filter(([, k]) => k.by === undefined);
  // A Result prints the conditions' citations, the legal basis, the interpretations in force and, in its working,
  // the constants' citations: a new segment where one of those changes, or where a constant takes a new value.
  const printed = [...file.conditions.map((c) => c.citation), ...file.legalBasis, ...caseDated.flatMap(([, k]) => k.values.map((x) => x.citation))];
  const dated = [
    ...caseDated.flatMap(([, k]) => k.values.map((x) => x.from)),
    ...file.interpretations.flatMap((x) => [x.from, x.to === undefined ? undefined : addDays(x.to, 1)]),
  ].filter((d): d is string => typeof d === "string");
  const starts = [...new Set([lo, ...[...versionBreaks(articles, printed), ...dated].filter((d) => d > lo && d <= hi)])].sort();
  const segments = starts.map(
    (from): Segment => ({
      from,
      conditions: file.conditions.map((c) => cite(articles, c.citation, from)),
      legalBasis: file.legalBasis.map((r) => cite(articles, r, from)),
      // A constant without a value on these dates (the 20-employee threshold before 2000) is not resolved here.
      constants: Object.fromEntries(caseDated.flatMap(([n, k]) => (valueIndexAt(k, from) < 0 ? [] : [[n, constantValue(n, k, valueIndexAt(k, from), articles, from)]]))),
      interpretations: file.interpretations.filter((x) => (x.from ?? lo) <= from && from <= (x.to ?? hi)).map((x) => x.text),
      derived: {},
    }),
  );
  const keyed: Record<string, KeyedConstant> = {};
  for (const [n, k] of Object.entries(file.constants)) {
    if (k.by === undefined) continue;
    const def = aid.facts[k.by];
    if (def?.type !== "date") throw fail(`constants.${n}.by`, `"${k.by}" is not a date fact of ${aid.id}/aid.json`);
    keyed[n] = { fact: k.by, values: k.values.map((x, i) => ({ from: x.from, value: constantValue(n, k, i, articles, x.from ?? lo) })) };
  }
  const factNodes = Object.fromEntries(Object.entries(aid.facts).map(([n, d]): [string, Node] => [n, { k: "fact", name: n, label: d.label, unit: factUnit(d) }]));
  const amounts = [...Object.entries(aid.amounts), ...Object.entries(aid.details ?? {})];
  const amountLabels = Object.fromEntries(amounts.map(([n, d]) => [n, d.label]));
  const amountTypes = Object.fromEntries(amounts.map(([n, d]) => [n, d.type]));
  const derivedList = Object.entries(derived).map(([name, d]) => ({ name, ...d }));
  const lazy = derivedList.some((d) => !d.perSegment) ? lazyDerivedClass(derivedList) : null;
  const version: CompiledVersion = { file, path, formula, scope, conditions, derived: derivedList, lazyDerived: lazy, segments, keyed, factNodes, amountLabels, amountTypes };
  // The derived facts the same for every case of a segment, computed once (a case of the segment's first day, no facts).
  for (const seg of segments) {
    const ctx = new CaseContext(parameters, version, seg, { date: seg.from, facts: {}, overrides: new Map(), lang: "fr" }, null, false);
    for (const d of derivedList.filter((x) => x.perSegment)) {
      try {
        seg.derived[d.name] = d.compute(ctx).v;
      } catch (e) {
        throw fail("formula", `the derived fact "${d.name}" is declared per segment but reads what a case gives (${e instanceof Missing ? e.names.join(", ") : String(e)})`);
      }
    }
  }
  return version;
}

type Direction = 1 | -1 | 0 | null;
/** Two influences of one input on one result: the same direction, or none (0); null is "does not depend". */
const merge = (a: Direction, b: Direction): Direction => (a === null ? b : b === null ? a : a === b ? a : 0);
const times = (a: Direction, b: 1 | -1 | 0): Direction => (a === null ? null : ((a * b) as 1 | -1 | 0));

/** How fact `f` moves with input `x`: itself (+1), through derived facts declaring `monotone`, or not at all (null). */
function factDirection(f: string, x: string, derived: Record<string, DerivedDef>, seen = new Set<string>()): Direction {
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
function conditionDirection(c: Condition, x: string, derived: Record<string, DerivedDef>): Direction {
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
  const labels = parse(z.record(z.string(), Text), "parameter-labels.json", files.parameterLabels);
  const parameters = new Map<string, ParameterSeries>();
  for (const [path, data] of Object.entries(files.parameterFiles)) {
    const p = parse(ParameterFile, path, data);
    if (`parameters/${p.id}.json` !== path) throw new RuleFileError(path, "id", `"${p.id}" does not match the file name`);
    const label = labels[p.id];
    if (!label) throw new RuleFileError("parameter-labels.json", p.id, `no label for the parameter "${p.id}"`);
    parameters.set(p.id, buildSeries(p, label));
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
