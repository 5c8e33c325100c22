/**
 * Which absent facts can still change an answer (CONTRACT.md `missing`: everything still needed for the status and
 * every amount, in one round, and nothing that cannot change them). Runs only when a case lacks a fact: a complete
 * case never comes here.
 * - decide: a condition left unknown by absent facts is decided when it gives the same answer at every value of
 *   their domains: booleans both ways, an enum at each value, a number at the ends of its range when the condition
 *   is monotone in it (load.ts derives the direction through the formula's derived facts).
 * - formulaNeeds: the facts and parameters the amount formula reads, following its branches over the values an
 *   absent fact may take, so that the facts one branch needs only once another is known are asked at once.
 */
import type { FactDef } from "@fne/schema";
import { D } from "./decimal.ts";
import type { Output } from "./formula.ts";
import type { CompiledCondition } from "./runtime.ts";
import { Missing } from "./trace.ts";

type Assignment = Record<string, unknown>;

/** Every value of a fact whose domain is finite (booleans, enums), else undefined. */
function finiteDomain(def: FactDef | undefined): unknown[] | undefined {
  if (def?.type === "boolean") return [true, false];
  if (def?.type === "enum") return def.values;
  return undefined;
}

/** At most this many combinations of values are tried for one condition or one formula. */
const BUDGET = 64;

function combinations(names: string[], domains: unknown[][]): Assignment[] | undefined {
  let out: Assignment[] = [{}];
  for (let i = 0; i < names.length; i++) {
    out = out.flatMap((a) => domains[i]!.map((v) => ({ ...a, [names[i]!]: v })));
    if (out.length > BUDGET) return undefined;
  }
  return out;
}

/**
 * The answer a condition gives whatever the absent facts `absent` are, or undefined when some value could change it.
 * `test` evaluates the condition with some absent facts given a value (the derived facts recomputed).
 */
export function decide(
  cond: CompiledCondition,
  absent: string[],
  defs: Record<string, FactDef>,
  test: (a: Assignment) => boolean | undefined,
): boolean | undefined {
  const finite: string[] = [];
  const domains: unknown[][] = [];
  const numeric: string[] = [];
  for (const n of absent) {
    const dom = finiteDomain(defs[n]);
    if (dom) {
      finite.push(n);
      domains.push(dom);
    } else if (defs[n]?.type === "number" && cond.directions[n]) numeric.push(n);
    else return undefined; // a parameter, a date, an amount, or a number the condition is not monotone in
  }
  if (numeric.length > 1) return undefined;
  const combos = combinations(finite, domains);
  if (!combos) return undefined;
  let answer: boolean | undefined;
  for (const a of combos) {
    const r = numeric.length ? atRangeEnds(cond, numeric[0]!, defs[numeric[0]!]!, a, test) : test(a);
    if (r === undefined || (answer !== undefined && r !== answer)) return undefined;
    answer = r;
  }
  return answer;
}

/** A condition monotone in number n: rising, true at the minimum is true everywhere and false at the maximum is false everywhere. */
function atRangeEnds(cond: CompiledCondition, n: string, def: FactDef, a: Assignment, test: (a: Assignment) => boolean | undefined) {
  if (def.type !== "number") return undefined;
  const rising = cond.directions[n] === 1;
  const lo = test({ ...a, [n]: def.min ?? 0 });
  if (lo === rising) return lo;
  if (def.max === undefined) return undefined;
  const hi = test({ ...a, [n]: def.max });
  return hi === !rising ? hi : undefined;
}

/**
 * Values that steer a formula down its branches, only to learn which facts they read: every value of a finite
 * domain; for a number, an amount or a date, a high one, since the formulas ask more as these grow (seniority opens
 * the severance, a wage above two ceilings the convention date, a convention from 1994 the pay facts).
 */
function branchValues(def: FactDef | undefined): unknown[] | undefined {
  switch (def?.type) {
    case "boolean":
    case "enum":
      return finiteDomain(def);
    case "number":
      return [def.max ?? 1e6];
    case "money":
      return [new D("1e9")];
    case "date":
      return ["2099-12-31"];
    default:
      return undefined;
  }
}

/**
 * The facts and parameters the formula reads that the case lacks, over every branch the absent facts may open.
 * `run` computes with some absent facts (or unknown parameters) given a value; its Missing names the first thing
 * lacking on that branch. An unknown parameter is given `stand-in`'s value so that the facts read after it are found.
 * The run without values is the real one: its own `undetermined` names (a text not in our sources) count too.
 */
export function formulaNeeds(defs: Record<string, FactDef>, run: (a: Assignment) => Output | Missing, standIn: (parameter: string) => unknown): Set<string> {
  const needs = new Set<string>();
  const queue: Assignment[] = [{}];
  for (let runs = 0; queue.length && runs < BUDGET; runs++) {
    const a = queue.shift()!;
    const out = run(a);
    if (!(out instanceof Missing)) {
      if (runs === 0) out.undetermined?.missing.forEach((m) => needs.add(m));
      continue;
    }
    for (const n of out.names) {
      needs.add(n);
      const standin = n in defs ? undefined : standIn(n);
      const values = n in a ? undefined : standin !== undefined ? [standin] : branchValues(defs[n]);
      for (const v of values ?? []) queue.push({ ...a, [n]: v });
    }
  }
  return needs;
}
