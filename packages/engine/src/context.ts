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
const num = (x: Val<Num | string> | number): Num | string => (typeof x === "number" ? x : x.v);

/** A value as a plain number when that is exact: a number, or a whole-number constant. */
function plainNumber(x: Val): number | undefined {
  if (typeof x.v === "number") return x.v;
  const n = x.n;
  return n !== null && n.k === "constant" ? n.whole : undefined;
}

/** Exact comparison of numbers, Decimals and ISO dates. */
function cmp(a: Num | string, b: Num | string): number {
  if (typeof a === "string" || typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return toD(a).cmp(toD(b));
}

export class CaseContext implements Ctx, DerivedHost {
  readonly date: string;
  readonly currency: "FRF" | "EUR";
  readonly lang: Lang;
  readonly facts: FactMap;
  /** The derived facts' values, for the conditions. */
  derived: FactMap = {};
  /** The same as traced values, for the working of the conditions' figures. */
  readonly derivedVals: Record<string, Val> = {};
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
    return new Val(x as never, this.record ? this.v.factNodes[name]! : null);
  }

  optional(name: string): Val<never> | undefined {
    const x = this.facts[name];
    return x === undefined ? undefined : new Val(x as never, this.record ? this.v.factNodes[name]! : null);
  }

  private constantValue(name: string): ConstantValue {
    const keyed = this.v.keyed[name];
    if (!keyed) {
      const x = this.seg.constants[name];
      // A formula reads a constant only where the law gives it a value: reading it elsewhere is a mistake of ours.
      if (x === undefined) throw new Error(`${this.v.path}: the constant "${name}" has no value on ${this.date}`);
      return x;
    }
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

  private val(x: Operand): Val<Num> {
    return typeof x === "number" ? this.lit(x) : x;
  }

  private op<T extends Scalar>(op: Op, args: Val[], v: T): Val<T> {
    return new Val(v, this.record ? { k: "op", op, args, unit: unitOf(op, args) } : null);
  }

  private arith(op: Op, a: Operand, b: Operand, f: (x: D, y: D) => D): Val<D> {
    const x = this.val(a);
    const y = this.val(b);
    return this.op(op, [x, y], f(toD(x.v), toD(y.v)));
  }

  plus(a: Operand, b: Operand) {
    return this.arith("plus", a, b, (x, y) => x.plus(y));
  }
  minus(a: Operand, b: Operand) {
    return this.arith("minus", a, b, (x, y) => x.minus(y));
  }
  times(a: Operand, b: Operand) {
    return this.arith("times", a, b, (x, y) => x.times(y));
  }
  div(a: Operand, b: Operand) {
    return this.arith("div", a, b, (x, y) => x.div(y));
  }
  max(a: Operand, b: Operand) {
    return this.arith("max", a, b, (x, y) => (x.gte(y) ? x : y));
  }
  min(a: Operand, b: Operand) {
    return this.arith("min", a, b, (x, y) => (x.lte(y) ? x : y));
  }
  round2(a: Operand) {
    const x = this.val(a);
    return this.op("round2", [x], toD(x.v).toDecimalPlaces(2, D.ROUND_HALF_UP));
  }
  floor2(a: Operand) {
    const x = this.val(a);
    return this.op("floor2", [x], toD(x.v).toDecimalPlaces(2, D.ROUND_FLOOR));
  }
  wholePart(a: Operand) {
    const x = this.val(a);
    return this.op("wholePart", [x], toD(x.v).toDecimalPlaces(0, D.ROUND_FLOOR));
  }
  count(a: Val<Num>): Val<number> {
    return this.op("count", [a], isDecimal(a.v) ? a.v.toNumber() : a.v);
  }

  private compare(op: Op, a: Val<Num | string> | number, b: Val<Num | string> | number, test: (c: number) => boolean): Val<boolean> {
    const x = typeof a === "number" ? this.lit(a) : a;
    const y = typeof b === "number" ? this.lit(b) : b;
    // A plain number against a whole-number constant compares exactly as numbers, without making Decimals.
    const fx = plainNumber(x);
    const fy = fx === undefined ? undefined : plainNumber(y);
    const c = fy === undefined ? cmp(num(x), num(y)) : fx! < fy ? -1 : fx! > fy ? 1 : 0;
    return this.op(op, [x, y], test(c));
  }
  lt(a: Val<Num | string> | number, b: Val<Num | string> | number) {
    return this.compare("lt", a, b, (c) => c < 0);
  }
  lte(a: Val<Num | string> | number, b: Val<Num | string> | number) {
    return this.compare("lte", a, b, (c) => c <= 0);
  }
  gt(a: Val<Num | string> | number, b: Val<Num | string> | number) {
    return this.compare("gt", a, b, (c) => c > 0);
  }
  gte(a: Val<Num | string> | number, b: Val<Num | string> | number) {
    return this.compare("gte", a, b, (c) => c >= 0);
  }
  eq(a: Val<Num | string> | number, b: Val<Num | string> | number) {
    return this.compare("eq", a, b, (c) => c === 0);
  }

  addMonths(date: Val<string>, months: Operand): Val<string> {
    const m = this.val(months);
    return this.op("addMonths", [date, m], addMonths(date.v, toD(m.v).toNumber()));
  }
  addYearsMonths(date: Val<string>, years: Operand, months: Operand): Val<string> {
    const y = this.val(years);
    const m = this.val(months);
    return this.op("addYearsMonths", [date, y, m], addMonths(date.v, toD(y.v).toNumber() * 12 + toD(m.v).toNumber()));
  }
  daysBetween(from: Val<string>, to: Val<string>): Val<number> {
    return this.op("daysBetween", [from, to], daysBetween(from.v, to.v));
  }
  fullYears(from: Val<string>, to: Val<string>): Val<number> {
    return this.op("fullYears", [from, to], fullYears(from.v, to.v));
  }
  earliest(a: Val<string>, b: Val<string>): Val<string> {
    return this.op("earliest", [a, b], a.v <= b.v ? a.v : b.v);
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
    for (const f of d.from) if (this.facts[f] === undefined && this.derived[f] === undefined) return undefined;
    try {
      const x = d.compute(this);
      if (this.record) this.derivedVals[d.name] = x;
      return x.v;
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
