/**
 * What an aid's amount formula declares, sees and returns. Formulas are pure: no I/O, no clock. A formula declares
 * the facts, constants and parameters it reads (`formula(reads, …)`): TypeScript refuses a name it did not declare,
 * and the loader checks every declared name against aid.json, each rule version's constants and rules/parameters.
 * It computes with the context's operations on traced values (trace.ts), so that its working can be printed.
 */
import type { Lang, Text } from "@fne/schema";
import type { D } from "./decimal.ts";
import type { Gap, Num, Scalar, Unit, Val } from "./trace.ts";

export type FactKind = "money" | "number" | "boolean" | "date" | "enum" | "string";
type ValueOf<K> = K extends "money" ? D : K extends "number" ? number : K extends "boolean" ? boolean : string;
/** A constant of a rule version: a number (rate, count, amount) or a date. */
export type ConstantKind = "number" | "date";

export interface Reads {
  /** Facts of the aid (rules/<aid>/aid.json) the formula reads, with their type there. */
  facts: Readonly<Record<string, FactKind>>;
  /** Constants of every rule version that uses the formula (`constants` of the version files). */
  constants: Readonly<Record<string, ConstantKind>>;
  /** Dated parameters (rules/parameters). */
  parameters: readonly string[];
}

type FactName<R extends Reads> = keyof R["facts"] & string;
type ConstantName<R extends Reads, K extends ConstantKind> = { [N in keyof R["constants"]]: R["constants"][N] extends K ? N : never }[keyof R["constants"]] &
  string;

/** An operand: a traced number, or a literal of the formula (0, 12 months a year). */
export type Operand = Val<Num> | number;

/** What a formula sees of one case: what it declared it reads, and the operations (Ops). */
export interface Ctx<R extends Reads = Reads> extends Ops {
  /** A fact the formula needs; absent, the case is undetermined and the fact is listed in `missing`. */
  fact<N extends FactName<R>>(name: N): Val<ValueOf<R["facts"][N]>>;
  /** A fact whose absence has a meaning (aid.json `optional`): undefined when absent. */
  optional<N extends FactName<R>>(name: N): Val<ValueOf<R["facts"][N]>> | undefined;
  /** A constant of the rule version at this case (its value by the case date, or by the fact it is keyed on). */
  constant(name: ConstantName<R, "number">): Val<D>;
  dateConstant(name: ConstantName<R, "date">): Val<string>;
  /** The constant, or what our sources lack to give it (the formula then decides what stays computable). */
  constantOrGap(name: ConstantName<R, "number">): Val<D> | Gap;
  /** A dated parameter at the case date (or `at`), in the case currency; unknown, the case is undetermined. */
  param(id: R["parameters"][number], at?: string): Val<D>;
}

/** The operations on traced values, whatever a formula reads (helpers shared by several formulas take these). */
export interface Ops {
  readonly date: string;
  readonly currency: "FRF" | "EUR";
  readonly lang: Lang;
  /** A literal of the formula (a value that is not the law's: 0, a label). */
  lit<T extends Scalar>(x: T, unit?: Unit): Val<T>;

  plus(a: Operand, b: Operand): Val<D>;
  minus(a: Operand, b: Operand): Val<D>;
  times(a: Operand, b: Operand): Val<D>;
  div(a: Operand, b: Operand): Val<D>;
  max(a: Operand, b: Operand): Val<D>;
  min(a: Operand, b: Operand): Val<D>;
  /** Half-up to the cent (DOMAIN.md: each payment). */
  round2(a: Operand): Val<D>;
  /** Down to the cent (a cap that rounding must never cross). */
  floor2(a: Operand): Val<D>;
  /** The whole part of a ÷ b (full years in a number of months). */
  wholeQuotient(a: Operand, b: Operand): Val<D>;
  /** A Decimal count as a plain number (amounts of type number, values the conditions compare). */
  count(a: Val<Num>): Val<number>;
  lt(a: Val<Num | string> | number, b: Val<Num | string> | number): Val<boolean>;
  lte(a: Val<Num | string> | number, b: Val<Num | string> | number): Val<boolean>;
  gt(a: Val<Num | string> | number, b: Val<Num | string> | number): Val<boolean>;
  gte(a: Val<Num | string> | number, b: Val<Num | string> | number): Val<boolean>;
  eq(a: Val<Num | string> | number, b: Val<Num | string> | number): Val<boolean>;
  /** A date plus months (a day missing from the target month becomes its last day). */
  addMonths(date: Val<string>, months: Operand): Val<string>;
  /** A date plus years and months, counted as one number of months (an age limit). */
  addYearsMonths(date: Val<string>, years: Operand, months: Operand): Val<string>;
  daysBetween(from: Val<string>, to: Val<string>): Val<number>;
  /** Full years from one date to another (an age). */
  fullYears(from: Val<string>, to: Val<string>): Val<number>;
  earliest(a: Val<string>, b: Val<string>): Val<string>;
  /**
   * The branch the condition chooses, computed alone (the other is never run, so a fact only it reads is not
   * asked); its working says which condition chose it.
   */
  branch<T extends Scalar>(cond: Val<boolean>, then: () => Val<T>, otherwise: () => Val<T>): Val<T>;
  /** A named step of the working. */
  step<T extends Scalar>(name: string, label: Text, x: Val<T>, unit?: Unit): Val<T>;
  /** A step named as an amount (or a detail) of aid.json, with its label there. */
  amount<T extends Scalar>(name: string, x: Val<T>): Val<T>;
  t(text: Text): string;
}

export interface PeriodOut {
  label: Text;
  months?: number;
  days?: number;
  amount: Val<D>;
  unit: "month" | "day" | "once";
}

export interface Output {
  amounts: Record<string, Val>;
  /** Figures beyond the contract's amounts, declared in aid.json `details`. */
  details?: Record<string, Val>;
  periods?: PeriodOut[];
  /** Who bears the cost, for plan totals. */
  costs?: { employer: Val<D>; state: Val<D>; employee: Val<D> };
  notes?: Text[];
  capApplied?: boolean;
  entitlements?: Text[];
  /** A formula may leave the amount open (sources silent) while eligibility is answered. */
  undetermined?: { missing: string[]; note: Text };
}

/** An intermediate fact the conditions compare (e.g. 90 % of the prior pay): a named step of the formula too. */
export interface DerivedDef<R extends Reads = Reads> {
  label: Text;
  /** Facts it is computed from: reported as missing when it cannot be computed. */
  from: ReadonlyArray<FactName<R>>;
  compute(c: Ctx<R>): Val;
  /**
   * The numeric inputs it moves with, +1 rising or −1 falling (inputs read outside `from` too): a condition over it
   * can then be decided at the ends of an absent input's range (relevance.ts).
   */
  monotone?: Partial<Record<FactName<R>, 1 | -1>>;
  /**
   * The same for every case of a stretch of dates: it reads only constants of the case date (a legal threshold the
   * conditions compare). Computed once per segment at load, so that the eligibility check does not compute it.
   */
  perSegment?: boolean;
}

export interface Formula {
  reads: Reads;
  derived: Record<string, DerivedDef>;
  compute(c: Ctx): Output;
}

/** Declare a formula: what it reads, its derived facts, its computation (typed by what it reads). */
export function formula<const R extends Reads>(reads: R, def: { derived?: Record<string, DerivedDef<R>>; compute(c: Ctx<R>): Output }): Formula {
  // Ctx<R> narrows the names a formula may read to those it declared (checked at load against the rules); at run
  // time one context serves every declared name alike, hence the widening here and only here.
  return { reads, derived: (def.derived ?? {}) as unknown as Record<string, DerivedDef>, compute: def.compute as unknown as (c: Ctx) => Output };
}
