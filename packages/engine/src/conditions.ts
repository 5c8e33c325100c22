/**
 * Compiles json-rules-engine conditions into plain predicates, once at load time.
 * Three-valued: true, false, or undefined when a fact they read is missing (the case is then
 * undetermined and the missing facts are listed). Money facts are Decimals: compared exactly.
 *
 * Two compilers, both kept by measurement (`pnpm bench`, eligibility tables, 30 Nov 2026): the closures (`compile`),
 * which need no eval and so run where a page's CSP forbids it (the web app's does), are not within 3× of the
 * handwritten functions on every aid: 4.6× on crp, 9.7× on conversion, 9.3× on prp, 11.6× on mobility_transfer,
 * where the generated code (`generate`) was at 0.8×, 3.7×, 4.7× and 5.3× in the same run (load average about 20 on
 * 2 cores, so the ratios are rough, but the closures were 1.1× to 5.8× slower than the generated code on every aid
 * but one). Node (API, CLI, plans) takes the generated code; a page that forbids eval takes the closures
 * (`compileBest`).
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
 * Derived facts are read from the formula's object, every other fact from the input; a leaf on an absent
 * optional fact (aid.json `optional`) is false, not unknown.
 */
export interface CompileScope {
  /** Facts the formula computes. */
  derived: ReadonlySet<string>;
  /** Facts whose absence means "no". */
  optional: ReadonlySet<string>;
  /** Facts that hold plain values (boolean, enum, date, string): compared with ===, without the Decimal checks. */
  plain: ReadonlySet<string>;
}
const NO_SCOPE: CompileScope = { derived: new Set(), optional: new Set(), plain: new Set() };

/** The operator for a leaf: the general one, or a plain === / Set lookup when the fact holds plain values. */
function leafOp(c: Leaf, scope: CompileScope): (a: unknown, b: unknown) => boolean {
  const v = c.value;
  if (scope.plain.has(c.fact)) {
    if (c.operator === "equal" && typeof v !== "object") return (a) => a === v;
    if (c.operator === "notEqual" && typeof v !== "object") return (a) => a !== v;
    if ((c.operator === "in" || c.operator === "notIn") && Array.isArray(v)) {
      const set = new Set<unknown>(v);
      return c.operator === "in" ? (a) => set.has(a) : (a) => !set.has(a);
    }
  }
  return operators[c.operator];
}

export function compile(c: Condition, scope: CompileScope = NO_SCOPE): Predicate {
  const { derived, optional } = scope;
  const reader = (name: string): Read => (derived.has(name) ? (_f, d) => d[name] : (f) => f[name]);
  if (isLeaf(c)) {
    const op = leafOp(c, scope);
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
    const parts = c.all.map((x) => compile(x, scope));
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
    const parts = c.any.map((x) => compile(x, scope));
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
  const inner = compile(c.not, scope);
  return (f, d) => {
    const r = inner(f, d);
    return r === undefined ? undefined : !r;
  };
}

// ---- code generation -------------------------------------------------------------------------------------
/**
 * The same predicates generated as JavaScript source, once at load: straight-line code that V8 optimises like a
 * handwritten function (the closures above cost 5–20× more on conditions over booleans). Where a page's
 * Content-Security-Policy forbids `new Function` (a strict embedding site), the closures are used instead.
 */
export function generate(c: Condition, scope: CompileScope = NO_SCOPE): Predicate {
  const fns: string[] = [];
  const consts: unknown[] = [];
  const lit = (v: unknown) => {
    consts.push(v);
    return `K[${consts.length - 1}]`;
  };
  const read = (name: string) => `${scope.derived.has(name) ? "d" : "f"}[${JSON.stringify(name)}]`;
  const emit = (body: string) => {
    fns.push(`function n${fns.length}(f, d) { ${body} }`);
    return `n${fns.length - 1}`;
  };
  const node = (x: Condition): string => {
    if (isLeaf(x)) {
      const v = x.value;
      const isRef = typeof v === "object" && v !== null && !Array.isArray(v);
      const absent = scope.optional.has(x.fact) ? "false" : "undefined";
      let test: string;
      if (scope.plain.has(x.fact) && !isRef && (x.operator === "equal" || x.operator === "notEqual") && typeof v !== "object") {
        test = `a ${x.operator === "equal" ? "===" : "!=="} ${JSON.stringify(v)}`;
      } else if (scope.plain.has(x.fact) && Array.isArray(v) && (x.operator === "in" || x.operator === "notIn")) {
        test = `${x.operator === "notIn" ? "!" : ""}${lit(new Set<unknown>(v))}.has(a)`;
      } else {
        const other = isRef ? "b" : lit(v);
        const js = { lessThan: "<", lessThanInclusive: "<=", greaterThan: ">", greaterThanInclusive: ">=" }[x.operator as string];
        // Numbers with numbers and strings (ISO dates) with strings compare natively, as compare() does.
        test = js
          ? `(typeof a === "number" && typeof ${other} === "number") || (typeof a === "string" && typeof ${other} === "string") ? a ${js} ${other} : ops.${x.operator}(a, ${other})`
          : `ops.${x.operator}(a, ${other})`;
      }
      const b = isRef ? `const b = ${read(v.fact)}; if (b === undefined) return undefined; ` : "";
      return emit(`const a = ${read(x.fact)}; if (a === undefined) return ${absent}; ${b}return ${test};`);
    }
    if ("not" in x) return emit(`const r = ${node(x.not)}(f, d); return r === undefined ? undefined : !r;`);
    const [parts, stop] = "all" in x ? [x.all, false] : [x.any, true];
    const calls = parts.map(node).map((n) => `r = ${n}(f, d); if (r === ${stop}) return ${stop}; if (r === undefined) u = true;`);
    return emit(`let r, u = false; ${calls.join(" ")} return u ? undefined : ${!stop};`);
  };
  const root = node(c);
  return new Function("ops", "K", `"use strict"; ${fns.join("\n")}\nreturn ${root};`)(operators, consts) as Predicate;
}

let codegen: boolean | undefined;
/** Generated code where the page allows it, closures otherwise. */
export function compileBest(c: Condition, scope: CompileScope = NO_SCOPE): Predicate {
  if (codegen === undefined) {
    try {
      codegen = new Function("return true")() === true;
    } catch {
      codegen = false;
    }
  }
  return codegen ? generate(c, scope) : compile(c, scope);
}
