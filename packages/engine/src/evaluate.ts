/** Evaluation of one case: picks the rule version in force at the date, checks, computes, explains. */
import { Case, type Lang, type Reason, type Result, type Screening, type Text } from "@fne/schema";
import type { FactMap } from "./conditions.ts";
import { CaseContext, countOf, derive, type ParamUse } from "./context.ts";
import { D, currencyAt, isDecimal, money } from "./decimal.ts";
import { InputError, summary, zodIssues } from "./errors.ts";
import type { Output } from "./formula.ts";
import { inCurrency, nearestStep } from "./parameters.ts";
import { decide, formulaNeeds } from "./relevance.ts";
import type { AidRuntime, CompiledCondition, CompiledVersion, Runtime, Segment } from "./runtime.ts";
import { Gap, Missing, type Val } from "./trace.ts";
import { working } from "./working.ts";

export interface ParsedCase {
  aid: string | undefined;
  date: string;
  facts: FactMap;
  overrides: Map<string, D>;
  lang: Lang;
  /** Brief explanation (plans): reasons without their compared values, no interpretations, no parameter list. */
  brief?: boolean;
}

type Issue = { path: string; message: string };

/**
 * Validate a parameter override map: known ids, decimal values (already checked by the Case shape). The known ids
 * are listed once, in the first unknown one's issue: an answer never grows with the number of bad names times
 * the number of good ones.
 */
export function parseOverrides(rt: Runtime, params: Record<string, string> | undefined, issues: Issue[], prefix = "parameters") {
  const overrides = new Map<string, D>();
  let listed = false;
  for (const [id, value] of Object.entries(params ?? {})) {
    if (rt.parameters.has(id)) {
      overrides.set(id, new D(value));
      continue;
    }
    const known = listed ? "" : `; known: ${[...rt.parameters.keys()].join(", ")}`;
    issues.push({ path: `${prefix}.${id}`, message: `unknown parameter "${id}"${known}` });
    listed = true;
  }
  return overrides;
}

/** Validate the facts of one case against its aid (or every aid when screening). */
export function parseFacts(rt: Runtime, aid: string | undefined, facts: unknown, issues: Issue[], prefix = "facts"): FactMap {
  const a = aid === undefined ? undefined : rt.aids.get(aid);
  if (aid !== undefined && !a) return {};
  const fast = (a ? a.check : rt.allFactsCheck)(facts);
  if (fast) return fast;
  const r = (a ? a.schema : rt.allFactsSchema).safeParse(facts);
  if (r.success) return r.data;
  for (const i of zodIssues(r.error, [prefix])) {
    issues.push(i.message.startsWith("unknown field") ? { path: i.path, message: `unknown fact for ${aid ? `aid ${aid}` : "any aid"}` } : i);
  }
  return {};
}

export function checkAid(rt: Runtime, aid: string | undefined, issues: Issue[], path = "aid") {
  if (aid !== undefined && !rt.aids.has(aid)) issues.push({ path, message: `unknown aid "${aid}"; known: ${[...rt.aids.keys()].join(", ")}` });
}

export function parseCase(rt: Runtime, input: unknown): ParsedCase {
  const env = Case.safeParse(input);
  if (!env.success) {
    const issues = zodIssues(env.error);
    throw new InputError("invalid_case", `invalid case: ${summary(issues)}`, issues);
  }
  const c = env.data;
  const issues: Issue[] = [];
  checkAid(rt, c.aid, issues);
  const facts = issues.length ? {} : parseFacts(rt, c.aid, c.facts, issues);
  const overrides = parseOverrides(rt, c.parameters, issues);
  if (issues.length) throw new InputError("invalid_case", `invalid case: ${summary(issues)}`, issues);
  return { aid: c.aid, date: c.date, facts, overrides, lang: c.lang ?? "fr" };
}

export function evaluateParsed(rt: Runtime, c: ParsedCase): Result | Screening {
  if (c.aid !== undefined) return evaluateAid(rt, rt.aids.get(c.aid)!, c);
  return { date: c.date, rulesVersion: rt.rulesVersion, results: [...rt.aids.values()].map((a) => evaluateAid(rt, a, c)) };
}

function versionAt(aid: AidRuntime, date: string): CompiledVersion | undefined {
  for (const v of aid.versions) {
    const { validFrom, validTo } = v.file;
    if ((validFrom === null || validFrom <= date) && (validTo === null || date <= validTo)) return v;
  }
  return undefined;
}

const NO_DERIVED: FactMap = Object.freeze({});

function segmentAt(v: CompiledVersion, date: string): Segment {
  let s = v.segments[0]!;
  for (const seg of v.segments) if (seg.from <= date) s = seg;
  return s;
}

const show = (x: unknown): string | number | boolean | null =>
  x === undefined ? null : isDecimal(x) ? x.toString() : (x as string | number | boolean);

function noLaw(rt: Runtime, aid: AidRuntime, c: ParsedCase): Result {
  const t = (x: Text) => x[c.lang];
  const vs = aid.versions.map((v) => v.file);
  const before = vs.filter((v) => v.validTo !== null && v.validTo < c.date).at(-1);
  const after = vs.find((v) => v.validFrom !== null && v.validFrom > c.date);
  const span = (v: (typeof vs)[number]) => `${v.id} (${v.validFrom ?? "…"} → ${v.validTo ?? "…"})`;
  const notes = [
    c.lang === "fr"
      ? `Aucune version de « ${t(aid.def.title)} » n'est en vigueur le ${c.date} dans nos textes.`
      : `No version of "${t(aid.def.title)}" is in force on ${c.date} in our texts.`,
  ];
  if (before) notes.push(`${c.lang === "fr" ? "Version précédente" : "Previous version"}: ${span(before)}`);
  if (after) notes.push(`${c.lang === "fr" ? "Version suivante" : "Next version"}: ${span(after)}`);
  if (before?.successor) {
    const s = before.successor;
    notes.push(`${c.lang === "fr" ? "Successeur" : "Successor"}${s.articles.length ? ` (${s.articles.join(", ")})` : ""}: ${t(s.text)}`);
  }
  const near = before ?? after;
  return {
    aid: aid.def.id,
    date: c.date,
    status: "no_law",
    currency: currencyAt(c.date),
    amounts: {},
    periods: [],
    missing: [],
    reasons: [],
    legalBasis: near ? near.legalBasis.map((r) => ({ article: r.article, from: near.validFrom, to: near.validTo, ...(r.paragraph ? { paragraph: r.paragraph } : {}) })) : [],
    authority: null,
    notes,
    rulesVersion: rt.rulesVersion,
    version: null,
    title: t(aid.def.title),
    nearestVersions: [before, after].filter((v) => v !== undefined).map((v) => ({ id: v.id, validFrom: v.validFrom, validTo: v.validTo })),
    ...(before?.successor ? { successor: { articles: before.successor.articles, from: before.successor.from } } : {}),
  };
}

export function evaluateAid(rt: Runtime, aid: AidRuntime, c: ParsedCase): Result {
  const v = versionAt(aid, c.date);
  if (!v) return noLaw(rt, aid, c);
  const file = v.file;
  const seg = segmentAt(v, c.date);
  const used: ParamUse[] = [];
  // The working is recorded for a single evaluation and a plan in full detail, not for a plan in brief.
  const ctx = new CaseContext(rt.parameters, v, seg, c, used, !c.brief);
  // Names a derived fact could not be computed without (a parameter, a fact), by derived fact.
  const derivedMissing = derive(v, ctx);
  const { facts, derived, currency } = ctx;
  const t = (x: Text) => ctx.t(x);

  let failed = false;
  let unknown: number[] | undefined;
  const reasons: Reason[] = v.conditions.map((cond, i) => {
    const passed = cond.predicate(facts, derived) ?? null;
    if (passed === false) failed = true;
    if (passed === null) (unknown ??= []).push(i);
    const reason: Reason = { rule: cond.id, passed, text: t(cond.text), citation: seg.conditions[i]! };
    if (!c.brief) {
      const values: Record<string, string | number | boolean | null> = {};
      for (const f of cond.reads) values[f] = show(facts[f] ?? derived[f]);
      reason.values = values;
    }
    return reason;
  });

  // A condition left open by absent facts, decided when no value of theirs can change it (relevance.ts).
  const missing = new Set<string>();
  if (unknown && !failed) {
    const open: number[] = [];
    for (const i of unknown) {
      const cond = v.conditions[i]!;
      const absent = absentFor(v, cond, facts, derivedMissing);
      const decided = decide(cond, absent, aid.def.facts, (a) => cond.predicate(...withValues(rt, v, seg, c, a)));
      if (decided === undefined) {
        open.push(i);
        absent.forEach((n) => missing.add(n));
      } else {
        reasons[i]!.passed = decided;
        if (!decided) failed = true;
      }
    }
    unknown = open.length ? open : undefined;
  }

  let status: Result["status"] = failed ? "ineligible" : unknown ? "undetermined" : "eligible";
  let out: Output | undefined;
  const notes: string[] = c.brief ? [] : seg.interpretations.map((x) => `${t({ fr: "Interprétation", en: "Interpretation" })} : ${t(x)}`);
  if (status === "ineligible") missing.clear();
  else {
    // The amounts: computed when the status is decided; otherwise, or when the formula lacks a fact or a parameter,
    // every one they still need (over every branch the absent facts open) is listed beside those of the status, in
    // one round.
    if (status === "eligible") {
      try {
        out = v.formula.compute(ctx);
      } catch (e) {
        if (e instanceof Gap) out = { amounts: {}, undetermined: e };
        else if (!(e instanceof Missing)) throw e;
      }
    }
    if (!out) {
      const standIn = (p: string) => {
        const series = rt.parameters.get(p);
        return series && inCurrency(nearestStep(series, c.date), currency);
      };
      formulaNeeds(aid.def.facts, (a) => computeWith(rt, v, seg, c, a), standIn).forEach((n) => missing.add(n));
      used.length = 0;
      status = "undetermined";
    } else if (out.undetermined) {
      status = "undetermined";
      out.undetermined.missing.forEach((m) => missing.add(m));
      notes.push(t(out.undetermined.note));
    }
  }

  const authority = authorityFor(file.authority, facts);
  const result: Result = {
    aid: aid.def.id,
    date: c.date,
    status,
    currency,
    amounts: {},
    periods: [],
    missing: [...missing],
    reasons,
    legalBasis: seg.legalBasis,
    authority,
    notes,
    rulesVersion: rt.rulesVersion,
    version: file.id,
    title: t(aid.def.title),
  };
  if (!c.brief) result.parameters = dedupe(used);
  if (out) {
    for (const n of out.notes ?? []) notes.push(t(n));
    if (out.entitlements) result.entitlements = out.entitlements.map(t);
    if (out.capApplied !== undefined) result.capApplied = out.capApplied;
    // An amount the sources leave open (out.undetermined) does not hide those they fix (asfne: the daily amounts
    // when only the end date is unknown).
    if (status === "eligible" || out.undetermined) {
      const types = aid.def.amounts;
      for (const [k, x] of Object.entries(out.amounts)) result.amounts[k] = printed(x, types[k]?.type);
      if (out.details) result.details = Object.fromEntries(Object.entries(out.details).map(([k, x]) => [k, printed(x, aid.def.details?.[k]?.type)]));
      result.periods = (out.periods ?? []).map((p) => ({
        label: t(p.label),
        ...(p.months !== undefined ? { months: p.months } : {}),
        ...(p.days !== undefined ? { days: p.days } : {}),
        amount: money(p.amount.v),
        unit: p.unit,
      }));
      if (out.costs && status === "eligible") result.costs = { employer: money(out.costs.employer.v), state: money(out.costs.state.v), employee: money(out.costs.employee.v) };
      // The working of each amount, printed from the values the formula computed with (not in a plan's brief).
      if (!c.brief) {
        const p = { lang: c.lang, currency, types: v.amountTypes };
        result.working = Object.fromEntries(Object.entries(out.amounts).map(([k, x]) => [k, working(x, k, v.amountLabels[k]!, p)]));
      }
    }
  }
  return result;
}

/** An amount as the contract prints it, by its type in aid.json: money to the cent, a count as a number. */
function printed(x: Val, type: string | undefined): string | number | boolean {
  const v = x.v;
  if (!isDecimal(v)) return v;
  return type === "money" ? money(v) : countOf(x as Val<D>);
}

/** Who decides, as printed; a fact may name the authority more precisely (R322-1-1, R322-31). */
function authorityFor(a: CompiledVersion["file"]["authority"], facts: FactMap): string | null {
  if (!a) return null;
  const by = a.byFact;
  const value = by ? facts[by.fact] : undefined;
  if (!by || value === undefined) return a.who;
  return by.values ? (by.values[String(value)] ?? a.who) : by.template!.replace("{value}", String(value));
}

/**
 * The facts the conditions of `aid` see for this case, and the version applied: the eligibility check alone.
 * Derived facts are computed when a condition first reads one, so a case that fails an earlier condition never
 * pays for them (evaluateAid computes them all, for the explanation and the missing list).
 */
export function conditionFacts(rt: Runtime, aid: AidRuntime, c: ParsedCase) {
  const v = versionAt(aid, c.date);
  if (!v) return undefined;
  if (v.derived.length === 0) return { version: v, facts: c.facts, derived: NO_DERIVED };
  const seg = segmentAt(v, c.date);
  if (!v.lazyDerived) return { version: v, facts: c.facts, derived: seg.derived };
  const ctx = new CaseContext(rt.parameters, v, seg, c, null, false);
  ctx.derived = new v.lazyDerived(ctx);
  return { version: v, facts: ctx.facts, derived: ctx.derived };
}

/** The absent facts (and unknown parameters) behind an open condition: its inputs, and what its derived facts lacked. */
function absentFor(v: CompiledVersion, cond: CompiledCondition, facts: FactMap, lacking: Map<string, string[]> | undefined): string[] {
  const out = new Set(cond.inputs.filter((f) => facts[f] === undefined));
  if (lacking) {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      lacking.get(f)?.forEach((n) => out.add(n));
      v.derived.find((d) => d.name === f)?.from.forEach(visit);
    };
    cond.reads.forEach(visit);
  }
  return [...out];
}

/** The facts and derived facts of the case with some absent facts given a value (relevance.ts tries them). */
function withValues(rt: Runtime, v: CompiledVersion, seg: Segment, c: ParsedCase, a: Record<string, unknown>): [FactMap, FactMap] {
  const ctx = new CaseContext(rt.parameters, v, seg, { ...c, facts: { ...c.facts, ...a } }, null, false);
  derive(v, ctx);
  return [ctx.facts, ctx.derived];
}

/** The formula run with some absent facts (or parameters) given a value: its output, or what it lacked. */
function computeWith(rt: Runtime, v: CompiledVersion, seg: Segment, c: ParsedCase, a: Record<string, unknown>): Output | Missing {
  const facts = { ...c.facts };
  let overrides = c.overrides;
  for (const [n, x] of Object.entries(a)) {
    if (rt.parameters.has(n) && !(n in v.formula.reads.facts)) (overrides = new Map(overrides)).set(n, x as D);
    else facts[n] = x;
  }
  const ctx = new CaseContext(rt.parameters, v, seg, { ...c, facts, overrides }, null, false);
  derive(v, ctx);
  try {
    return v.formula.compute(ctx);
  } catch (e) {
    if (e instanceof Missing) return e;
    if (e instanceof Gap) return { amounts: {}, undetermined: e };
    // Trial values only steer the formula down its branches: one it cannot compute tells nothing more.
    if (Object.keys(a).length) return new Missing([]);
    throw e;
  }
}

function dedupe(used: NonNullable<Result["parameters"]>) {
  const seen = new Set<string>();
  return used.filter((u) => {
    const key = `${u.id}@${u.at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
