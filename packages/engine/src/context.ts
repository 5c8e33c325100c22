/**
 * What a formula sees of one case (formula.ts `Ctx`): the facts, the rule version's constants, the dated parameters,
 * and the operations on traced values. With `record` on, every value carries how it was obtained (the working);
 * off (plans in brief mode, the eligibility check, the trial runs of relevance.ts), the same code records nothing.
 * A class, so that no closure is made per case on the hot path.
 */
import type { Lang, Result, Text } from "@fne/schema";
import type { FactMap } from "./conditions.ts";
import { addMonths, daysBetween, fullYears } from "./dates.ts";
import { D, FRF_PER_EUR, ZERO, currencyAt, isDecimal } from "./decimal.ts";
import type { Ctx, DerivedDef, Operand } from "./formula.ts";
import { inCurrency, stepAt, type ParameterSeries } from "./parameters.ts";
import type { CompiledVersion, ConstantValue, DerivedHost, Segment } from "./runtime.ts";
import { Gap, Missing, Val, nodeUnit, unitOf, type Num, type Op, type Scalar, type Unit } from "./trace.ts";

/** The case as the engine holds it once validated. */
export interface CaseInput {
  date: string;
  facts: FactMap;
  overrides: Map<string, D>;
  lang: Lang;
}

export type ParamUse = NonNullable<Result["parameters"]>[number];

const toD = (x: Num): D => (typeof x === "number" ? (x === 0 ? ZERO : new D(x)) : x);
/** The Decimal of an operand: a literal, or a traced number or Decimal. */
const dec = (x: Operand): D => (typeof x === "number" ? toD(x) : toD(x.v));

type Compared = Val<Num | string> | number;

/** A traced count as a plain number (a whole number known as such has it already). */
export function countOf(a: Val<Num>): number {
  const v = a.v;
  if (!isDecimal(v)) return v;
  if (a.whole !== undefined) return a.whole;
  const n = a.n;
  return n !== null && n.k === "constant" && n.whole !== undefined ? n.whole : v.toNumber();
}

/** A value as a plain number when that is exact: a number, or a whole number (a constant, a count). */
function plainNumber(x: Compared): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x.v === "number") return x.v;
  if (x.whole !== undefined) return x.whole;
  const n = x.n;
  return n !== null && n.k === "constant" ? n.whole : x.v === ZERO ? 0 : undefined;
}

/** A value as a safe integer, when it is one: integer arithmetic on it is exact without Decimals. */
function plainInteger(x: Compared): number | undefined {
  const p = plainNumber(x);
  return p !== undefined && Number.isSafeInteger(p) ? p : undefined;
}

/** Decimals of the small whole numbers, made once (the counts of months and hours formulas compute with). */
const WHOLE: D[] = Array.from({ length: 4096 }, (_, i) => new D(i));
const wholeDecimal = (k: number): D => (k >= 0 && k < WHOLE.length ? WHOLE[k]! : new D(k));

/** Exact comparison of numbers, Decimals and ISO dates; a number and a whole-number constant as plain numbers. */
function compare(a: Compared, b: Compared): number {
  const pa = plainNumber(a);
  const pb = pa === undefined ? undefined : plainNumber(b);
  if (pb !== undefined) return pa! < pb ? -1 : pa! > pb ? 1 : 0;
  const x = typeof a === "number" ? a : a.v;
  const y = typeof b === "number" ? b : b.v;
  if (typeof x === "string" || typeof y === "string") return x < y ? -1 : x > y ? 1 : 0;
  return toD(x).cmp(toD(y));
}

const NONE: FactMap = Object.freeze({});

export class CaseContext implements Ctx, DerivedHost {
  readonly date: string;
  readonly currency: "FRF" | "EUR";
  readonly lang: Lang;
  readonly facts: FactMap;
  /** The derived facts' values, for the conditions (derive() or a lazy object fills them). */
  derived: FactMap = NONE;
  constructor(
    private readonly parameters: ReadonlyMap<string, ParameterSeries>,
    private readonly v: CompiledVersion,
    private readonly seg: Segment,
    private readonly c: CaseInput,
    /** The dated parameters read (Result.parameters), or null when not wanted. */
    private readonly used: ParamUse[] | null,
    /** Whether values record how they were obtained (the working). */
    readonly record: boolean,
  ) {
    this.date = c.date;
    this.currency = currencyAt(c.date);
    this.lang = c.lang;
    this.facts = c.facts;
  }

  t(x: Text): string {
    return x[this.lang];
  }

  fact(name: string): Val<never> {
    const x = this.facts[name];
    if (x === undefined) throw new Missing([name]);
    return this.record ? this.recorded(name, x) : new Val(x as never, null);
  }

  optional(name: string): Val<never> | undefined {
    const x = this.facts[name];
    if (x === undefined) return undefined;
    return this.record ? this.recorded(name, x) : new Val(x as never, null);
  }

  /** With the working recorded, one value per fact, so that it is printed once however often it is read. */
  private factVals: Map<string, Val<never>> | undefined;
  private recorded(name: string, x: unknown): Val<never> {
    const vals = (this.factVals ??= new Map());
    let v = vals.get(name);
    if (!v) vals.set(name, (v = new Val(x as never, this.v.factNodes[name]!)));
    return v;
  }

  private constantValue(name: string): ConstantValue {
    const x = this.seg.constants[name];
    if (x instanceof Val || x instanceof Gap) return x;
    const keyed = this.v.keyed[name];
    // A formula reads a constant only where the law gives it a value: reading it elsewhere is a mistake of ours.
    if (!keyed) throw new Error(`${this.v.path}: the constant "${name}" has no value on ${this.date}`);
    const at = this.facts[keyed.fact];
    if (at === undefined) throw new Missing([keyed.fact]);
    let found: ConstantValue | undefined;
    for (const e of keyed.values) if (e.from === null || e.from <= (at as string)) found = e.value;
    return found!;
  }

  constantOrGap(name: string): Val<D> | Gap {
    const x = this.constantValue(name);
    return x instanceof Gap ? x : this.inCaseCurrency(x as Val<D>);
  }

  constant(name: string): Val<D> {
    const x = this.constantOrGap(name);
    if (x instanceof Gap) throw x;
    return x;
  }

  dateConstant(name: string): Val<string> {
    const x = this.constantValue(name);
    if (x instanceof Gap) throw x;
    return x as Val<string>;
  }

  /** A money constant written in the other currency (a franc amount read for a case in euros) is converted. */
  private inCaseCurrency(x: Val<D>): Val<D> {
    const n = x.n;
    if (n?.k !== "constant" || n.currency === null || n.currency === this.currency) return x;
    const rate = this.lit(FRF_PER_EUR);
    return n.currency === "FRF" ? this.div(x, rate) : this.times(x, rate);
  }

  param(id: string, at: string = this.date): Val<D> {
    const series = this.parameters.get(id)!;
    const o = this.c.overrides.get(id);
    if (o) {
      this.used?.push({ id, at, value: o.toString(), from: null, reference: null, overridden: true });
      return new Val(o, this.record ? { k: "param", id, label: series.label, unit: series.workingUnit, from: null, value: o.toString(), overridden: true } : null);
    }
    const step = stepAt(series, at);
    if (!step) throw new Missing([id]);
    const value = inCurrency(step, this.currency);
    this.used?.push({ id, at, value: value.toString(), from: step.from, reference: step.reference, overridden: false });
    return new Val(value, this.record ? { k: "param", id, label: series.label, unit: series.workingUnit, from: step.from, value: value.toString(), overridden: false } : null);
  }

  lit<T extends Scalar>(x: T, unit: Unit | null = null): Val<T> {
    return new Val(x, this.record ? { k: "lit", unit } : null);
  }

  private val(x: Operand | Val): Val {
    return typeof x === "number" ? this.lit(x) : x;
  }

  /** The result of an operation: with its operands when the working is recorded, alone otherwise. */
  private done<T extends Scalar>(op: Op, v: T, a: Operand | Val, b?: Operand | Val, c?: Operand | Val): Val<T> {
    if (!this.record) return new Val(v, null);
    const args = c !== undefined ? [this.val(a), this.val(b!), this.val(c)] : b !== undefined ? [this.val(a), this.val(b)] : [this.val(a)];
    return new Val(v, { k: "op", op, args, unit: unitOf(op, args) });
  }

  /** Integer arithmetic on two whole numbers, exact in plain numbers: its traced result, or undefined. */
  private whole(op: Op, a: Operand, b: Operand, f: (x: number, y: number) => number): Val<D> | undefined {
    const x = plainInteger(a);
    const y = x === undefined ? undefined : plainInteger(b);
    if (y === undefined) return undefined;
    const k = f(x!, y);
    if (!Number.isSafeInteger(k)) return undefined;
    const r = this.done(op, wholeDecimal(k), a, b);
    r.whole = k;
    return r;
  }

  plus(a: Operand, b: Operand) {
    return this.whole("plus", a, b, (x, y) => x + y) ?? this.done("plus", dec(a).plus(dec(b)), a, b);
  }
  minus(a: Operand, b: Operand) {
    return this.whole("minus", a, b, (x, y) => x - y) ?? this.done("minus", dec(a).minus(dec(b)), a, b);
  }
  times(a: Operand, b: Operand) {
    return this.whole("times", a, b, (x, y) => x * y) ?? this.done("times", dec(a).times(dec(b)), a, b);
  }
  div(a: Operand, b: Operand) {
    return this.done("div", dec(a).div(dec(b)), a, b);
  }
  max(a: Operand, b: Operand) {
    const w = this.whole("max", a, b, (x, y) => (x >= y ? x : y));
    if (w) return w;
    const x = dec(a);
    const y = dec(b);
    return this.done("max", x.gte(y) ? x : y, a, b);
  }
  min(a: Operand, b: Operand) {
    const w = this.whole("min", a, b, (x, y) => (x <= y ? x : y));
    if (w) return w;
    const x = dec(a);
    const y = dec(b);
    return this.done("min", x.lte(y) ? x : y, a, b);
  }
  round2(a: Operand) {
    return this.done("round2", dec(a).toDecimalPlaces(2, D.ROUND_HALF_UP), a);
  }
  floor2(a: Operand) {
    return this.done("floor2", dec(a).toDecimalPlaces(2, D.ROUND_FLOOR), a);
  }
  wholeQuotient(a: Operand, b: Operand) {
    return this.whole("wholeQuotient", a, b, (x, y) => Math.floor(x / y)) ?? this.done("wholeQuotient", dec(a).div(dec(b)).toDecimalPlaces(0, D.ROUND_FLOOR), a, b);
  }
  count(a: Val<Num>): Val<number> {
    return this.done("count", countOf(a), a);
  }

  lt(a: Compared, b: Compared) {
    return this.done("lt", compare(a, b) < 0, a, b);
  }
  lte(a: Compared, b: Compared) {
    return this.done("lte", compare(a, b) <= 0, a, b);
  }
  gt(a: Compared, b: Compared) {
    return this.done("gt", compare(a, b) > 0, a, b);
  }
  gte(a: Compared, b: Compared) {
    return this.done("gte", compare(a, b) >= 0, a, b);
  }
  eq(a: Compared, b: Compared) {
    return this.done("eq", compare(a, b) === 0, a, b);
  }

  addMonths(date: Val<string>, months: Operand): Val<string> {
    return this.done("addMonths", addMonths(date.v, dec(months).toNumber()), date, months);
  }
  addYearsMonths(date: Val<string>, years: Operand, months: Operand): Val<string> {
    return this.done("addYearsMonths", addMonths(date.v, dec(years).toNumber() * 12 + dec(months).toNumber()), date, years, months);
  }
  daysBetween(from: Val<string>, to: Val<string>): Val<number> {
    return this.done("daysBetween", daysBetween(from.v, to.v), from, to);
  }
  fullYears(from: Val<string>, to: Val<string>): Val<number> {
    return this.done("fullYears", fullYears(from.v, to.v), from, to);
  }
  earliest(a: Val<string>, b: Val<string>): Val<string> {
    return this.done("earliest", a.v <= b.v ? a.v : b.v, a, b);
  }

  branch<T extends Scalar>(cond: Val<boolean>, then: () => Val<T>, otherwise: () => Val<T>): Val<T> {
    const chosen = cond.v ? then() : otherwise();
    return this.record ? new Val(chosen.v, { k: "branch", cond, chosen }) : chosen;
  }

  step<T extends Scalar>(name: string, label: Text, x: Val<T>, unit?: Unit): Val<T> {
    return this.record ? new Val(x.v, { k: "step", name, label, expr: x, unit: unit ?? (x.n ? unitOfNode(x) : null) }) : x;
  }

  amount<T extends Scalar>(name: string, x: Val<T>): Val<T> {
    return this.record ? this.step(name, this.v.amountLabels[name]!, x) : x;
  }

  /** One derived fact: undefined while an input is absent, or the Missing (or Gap) a formula met. */
  derive(d: { name: string } & DerivedDef): unknown {
    if (d.perSegment) return this.seg.derived[d.name];
    for (const f of d.from) if (this.facts[f] === undefined && this.derived[f] === undefined) return undefined;
    try {
      return d.compute(this).v;
    } catch (e) {
      if (e instanceof Missing || e instanceof Gap) return e;
      throw e;
    }
  }
}

const unitOfNode = (x: Val) => (x.n ? nodeUnit(x.n) : null);

/**
 * Add the formula's intermediate facts (those whose inputs are all present) to ctx.derived; returns, for those a
 * formula could not compute, the names it lacked (a parameter, a fact).
 */
export function derive(v: CompiledVersion, ctx: CaseContext): Map<string, string[]> | undefined {
  let lacking: Map<string, string[]> | undefined;
  if (v.derived.length) ctx.derived = {};
  for (const d of v.derived) {
    const x = ctx.derive(d);
    if (x instanceof Missing) (lacking ??= new Map()).set(d.name, x.names);
    else if (x instanceof Gap) (lacking ??= new Map()).set(d.name, x.missing);
    else if (x !== undefined) ctx.derived[d.name] = x;
  }
  return lacking;
}

/** A class whose getters compute each derived fact once, on first read (undefined when it cannot be computed). */
export function lazyDerivedClass(list: CompiledVersion["derived"]): new (ctx: DerivedHost) => FactMap {
  class Lazy {
    readonly values = new Map<string, unknown>();
    constructor(readonly ctx: DerivedHost) {}
  }
  for (const d of list) {
    Object.defineProperty(Lazy.prototype, d.name, {
      enumerable: true,
      get(this: Lazy) {
        if (this.values.has(d.name)) return this.values.get(d.name);
        const x = this.ctx.derive(d);
        const value = x instanceof Missing || x instanceof Gap ? undefined : x;
        this.values.set(d.name, value);
        return value;
      },
    });
  }
  return Lazy as unknown as new (ctx: DerivedHost) => FactMap;
}
