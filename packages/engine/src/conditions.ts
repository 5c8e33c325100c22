/**
 * Compiles json-rules-engine conditions into plain predicates, once at load time.
 * Three-valued: true, false, or undefined when a fact they read is missing (the case is then
 * undetermined and the missing facts are listed). Money facts are Decimals: compared exactly.
 */
import type { Condition, Leaf, Operator } from "@fne/schema";
import { isDecimal } from "./decimal.ts";

export type FactValue = unknown;
export type FactMap = Record<string, FactValue>;
/** Input facts and the formula's derived facts are kept apart: both objects keep one shape per aid,
 * so V8's inline caches stay monomorphic (a merged copy would cost more than the whole check). */
export type Predicate = (facts: FactMap, derived: FactMap) => boolean | undefined;
type Read = (f: FactMap, d: FactMap) => unknown;

/** Exact comparison: Decimals with Decimals or numbers, numbers with numbers, ISO dates as strings. */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  if (isDecimal(a)) return a.cmp(b as number);
  if (isDecimal(b)) return -b.cmp(a as number);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const same = (a: unknown, b: unknown) =>
  isDecimal(a) || isDecimal(b) ? compare(a, b) === 0 : a === b;

/** The operators, with json-rules-engine's names and meanings. */
export const operators: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: same,
  notEqual: (a, b) => !same(a, b),
  lessThan: (a, b) => compare(a, b) < 0,
  lessThanInclusive: (a, b) => compare(a, b) <= 0,
  greaterThan: (a, b) => compare(a, b) > 0,
  greaterThanInclusive: (a, b) => compare(a, b) >= 0,
  in: (a, b) => Array.isArray(b) && b.some((x) => same(a, x)),
  notIn: (a, b) => Array.isArray(b) && !b.some((x) => same(a, x)),
};

const isLeaf = (c: Condition): c is Leaf => "fact" in c;

/** The facts a condition reads (for the missing list and the explanation). */
export function factsOf(c: Condition): string[] {
  if (isLeaf(c)) {
    const v = c.value;
    return typeof v === "object" && v !== null && !Array.isArray(v) ? [c.fact, v.fact] : [c.fact];
  }
  if ("all" in c) return c.all.flatMap(factsOf);
  if ("any" in c) return c.any.flatMap(factsOf);
  return factsOf(c.not);
}

/**
 * `derived` names the facts the formula computes; every other fact is read from the input.
 * `optional` names facts whose absence means "no" (aid.json `optional`): a leaf on one is false, not unknown.
 */
export function compile(c: Condition, derived: ReadonlySet<string> = new Set(), optional: ReadonlySet<string> = new Set()): Predicate {
  const reader = (name: string): Read => (derived.has(name) ? (_f, d) => d[name] : (f) => f[name]);
  if (isLeaf(c)) {
    const op = operators[c.operator];
    const read = reader(c.fact);
    const v = c.value;
    if (optional.has(c.fact)) {
      return (f, d) => {
        const a = read(f, d);
        return a === undefined ? false : op(a, v);
      };
    }
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const readOther = reader(v.fact);
      return (f, d) => {
        const a = read(f, d);
        const b = readOther(f, d);
        return a === undefined || b === undefined ? undefined : op(a, b);
      };
    }
    return (f, d) => {
      const a = read(f, d);
      return a === undefined ? undefined : op(a, v);
    };
  }
  if ("all" in c) {
    const parts = c.all.map((x) => compile(x, derived, optional));
    return (f, d) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f, d);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    };
  }
  if ("any" in c) {
    const parts = c.any.map((x) => compile(x, derived, optional));
    return (f, d) => {
      let unknown = false;
      for (const p of parts) {
        const r = p(f, d);
        if (r === true) return true;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    };
  }
  const inner = compile(c.not, derived, optional);
  return (f, d) => {
    const r = inner(f, d);
    return r === undefined ? undefined : !r;
  };
}
