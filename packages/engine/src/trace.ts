/**
 * Traced values: what a formula computes with. Each value knows where it came from (a fact, a constant of the rule
 * version, a dated parameter, an operation on other values, a named step), so that the working of an amount is
 * printed by running the formula itself, never written beside it. When the working is not wanted (plans in brief
 * mode, the eligibility check) the same code runs with `n` left null: nothing is recorded.
 */
import type { Citation, Text, WorkingStep } from "@fne/schema";
import type { D } from "./decimal.ts";

export type Scalar = D | number | boolean | string;
/** A number a formula computes with: a Decimal (money, rates) or a plain number (counts of hours, months). */
export type Num = D | number;

/** What a figure counts, for printing it: money is printed in the case's currency. */
export type Unit = "money" | "hour" | "day" | "week" | "month" | "year" | "km" | "employee" | "date";

export type Op =
  | "plus"
  | "minus"
  | "times"
  | "div"
  | "max"
  | "min"
  | "round2"
  | "floor2"
  | "wholeQuotient"
  | "count"
  | "addMonths"
  | "addYearsMonths"
  | "daysBetween"
  | "fullYears"
  | "earliest"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "eq";

export type Node =
  | { k: "fact"; name: string; label: Text; unit: Unit | null }
  | {
      k: "constant";
      name: string;
      label: Text;
      unit: Unit | null;
      citation: Citation;
      written: string;
      currency: "FRF" | "EUR" | null;
      /** Its value as a plain number when it is a whole number (a count of months, a threshold): compared without Decimals. */
      whole: number | undefined;
      /** A constant is shared by every case of its stretch of dates: how it shows, by language, once. */
      shown: { fr?: string; en?: string };
    }
  | { k: "param"; id: string; label: Text; unit: Unit | null; from: string | null; value: string; overridden: boolean }
  | { k: "lit"; unit: Unit | null }
  | { k: "op"; op: Op; args: Val[]; unit: Unit | null }
  | { k: "branch"; cond: Val<boolean>; chosen: Val }
  | { k: "step"; name: string; label: Text; expr: Val; unit: Unit | null };

/** A value and, when the working is recorded, how it was obtained. */
export class Val<T extends Scalar = Scalar> {
  /** The value written out in full (a decimal without exponent), once, when the working prints it. */
  written: string | undefined = undefined;
  /** The value as a formula shows it, and its step, once per Result (a value is read in one language). */
  shown: string | undefined = undefined;
  printed: WorkingStep | undefined = undefined;
  /** The value as a plain number when it is a whole number known as such (counts of months): computed without Decimals. */
  whole: number | undefined = undefined;
  constructor(
    readonly v: T,
    readonly n: Node | null,
  ) {}
}

/** Thrown when a fact or parameter the formula needs is absent: the case is then undetermined. */
export class Missing {
  constructor(readonly names: string[]) {}
}

/**
 * A figure our sources do not give (a constant whose value at this date is not in them): the amount it enters is
 * undetermined; `missing` names the text that would fix it, `note` says why.
 */
export class Gap {
  constructor(
    readonly missing: string[],
    readonly note: Text,
  ) {}
}

/** The unit of an operation's result, for printing: money wins, a ratio of like units has none. */
export function unitOf(op: Op, args: Val[]): Unit | null {
  switch (op) {
    case "lt":
    case "lte":
    case "gt":
    case "gte":
    case "eq":
      return null;
    case "addMonths":
    case "addYearsMonths":
    case "earliest":
      return "date";
    case "daysBetween":
      return "day";
    case "fullYears":
      return "year";
    case "div": {
      const a = unitAt(args, 0);
      return a === unitAt(args, 1) ? null : a;
    }
    case "times": {
      const a = unitAt(args, 0);
      const b = unitAt(args, 1);
      return a === "money" || b === "money" ? "money" : (a ?? b);
    }
    default:
      for (let i = 0; i < args.length; i++) {
        const u = unitAt(args, i);
        if (u !== null) return u;
      }
      return null;
  }
}
const unitAt = (args: Val[], i: number): Unit | null => {
  const n = args[i]?.n;
  return n ? nodeUnit(n) : null;
};

export function nodeUnit(n: Node): Unit | null {
  switch (n.k) {
    case "branch":
      return n.chosen.n ? nodeUnit(n.chosen.n) : null;
    default:
      return n.unit;
  }
}
