/** What an aid's amount formula sees and returns. Formulas are pure: no I/O, no clock. */
import type { Text } from "@fne/schema";
import type { D } from "./decimal.ts";
import type { FactMap } from "./conditions.ts";

/** Thrown when a fact or parameter the formula needs is absent: the case is then undetermined. */
export class Missing {
  constructor(readonly names: string[]) {}
}

export interface Context {
  date: string;
  currency: "FRF" | "EUR";
  lang: "fr" | "en";
  /** The facts of the case, as entered (validated). */
  facts: FactMap;
  /** The formula's intermediate facts (see Formula.derived). */
  derived: FactMap;
  /** Legal constants of the rule version (rules/<aid>/<version>.json `constants`). */
  k: Record<string, D>;
  /** The same constants as numbers (counts of months, hours, thresholds), converted once at load. */
  kn: Record<string, number>;
  /** A dated parameter at the case date (or `at`), in the case currency; throws Missing when unknown. */
  param(id: string, at?: string): D;
  /** A fact the formula needs (entered or derived); throws Missing when absent. */
  need<T = D>(name: string): T;
  t(text: Text): string;
}

export interface PeriodOut {
  label: Text;
  months?: number;
  days?: number;
  amount: D;
  unit: "month" | "day" | "once";
}

export interface Output {
  amounts: Record<string, D | number | string | boolean>;
  /** Figures beyond the contract's amounts, declared in aid.json `details`. */
  details?: Record<string, D | number | string | boolean>;
  periods?: PeriodOut[];
  /** Who bears the cost, for plan totals. */
  costs?: { employer: D; state: D; employee: D };
  notes?: Text[];
  capApplied?: boolean;
  entitlements?: Text[];
  /** A formula may leave the amount open (sources silent) while eligibility is answered. */
  undetermined?: { missing: string[]; note: Text };
}

export interface Derived {
  /** Facts it is computed from: reported as missing when it cannot be computed. */
  from: string[];
  compute(ctx: Context): unknown;
  /**
   * The numeric inputs it moves with, +1 rising or −1 falling (inputs read through need() outside `from` too): a
   * condition over it can then be decided at the ends of an absent input's range (relevance.ts).
   */
  monotone?: Record<string, 1 | -1>;
}

export interface Formula {
  /** Intermediate facts the conditions compare (e.g. 90 % of the prior pay). */
  derived?: Record<string, Derived>;
  compute(ctx: Context): Output;
}
