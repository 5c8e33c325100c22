/**
 * The working of an amount (CONTRACT.md `working`): the tree of named steps a formula went through, printed from
 * the traced values it computed with. A step's formula shows the numbers in the case's language
 * ("(0,90 × 60,00 F − 40,00 F) × 169 h = 2 366,00 F"); its children are the named steps, facts, constants and
 * parameters it used; a branch says which condition chose it, so that a zero is explained.
 */
import type { Lang, Text, WorkingStep } from "@fne/schema";
import { D, isDecimal } from "./decimal.ts";
import { nodeUnit, type Node, type Op, type Unit, type Val } from "./trace.ts";

interface Print {
  lang: Lang;
  currency: "FRF" | "EUR";
  /** The types of the aid's amounts (aid.json): a step named after one shows its value as the Result prints it. */
  types: Record<string, string>;
}

const WORDS = {
  fr: {
    yes: "oui",
    no: "non",
    so: ", donc ",
    max: "plus grand de",
    min: "plus petit de",
    earliest: "plus tôt de",
    sep: " ; ",
    round: "arrondi au centime",
    floor: "arrondi au centime inférieur",
    whole: "partie entière de",
    and: " et ",
    days: (a: string, b: string) => `jours du ${a} au ${b}`,
    years: (a: string, b: string) => `années révolues du ${a} au ${b}`,
  },
  en: {
    yes: "yes",
    no: "no",
    so: ", so ",
    max: "greater of",
    min: "lesser of",
    earliest: "earlier of",
    sep: ", ",
    round: "rounded to the cent",
    floor: "rounded down to the cent",
    whole: "whole part of",
    and: " and ",
    days: (a: string, b: string) => `days from ${a} to ${b}`,
    years: (a: string, b: string) => `full years from ${a} to ${b}`,
  },
} as const;

const UNIT_WORDS: Record<Exclude<Unit, "money" | "date">, { fr: [string, string]; en: [string, string] }> = {
  hour: { fr: ["h", "h"], en: ["h", "h"] },
  day: { fr: ["jour", "jours"], en: ["day", "days"] },
  week: { fr: ["semaine", "semaines"], en: ["week", "weeks"] },
  month: { fr: ["mois", "mois"], en: ["month", "months"] },
  year: { fr: ["an", "ans"], en: ["year", "years"] },
  km: { fr: ["km", "km"], en: ["km", "km"] },
  employee: { fr: ["salarié", "salariés"], en: ["employee", "employees"] },
};
const CURRENCY = { fr: { FRF: "F", EUR: "€" }, en: { FRF: "FRF", EUR: "EUR" } } as const;

/** A value written out in full: a decimal without exponent, computed once per value. */
function plain(x: Val): string {
  if (x.written !== undefined) return x.written;
  const v = x.v;
  const n = x.n;
  const s = n?.k === "constant" ? n.written : x.whole !== undefined ? String(x.whole) : isDecimal(v) ? v.toFixed() : typeof v === "number" && Number.isFinite(v) && !String(v).includes("e") ? String(v) : new D(v as number).toFixed();
  x.written = s;
  return s;
}

/**
 * A number written out in full (`plain`) in the language's format: exact up to 6 decimals, else 4 and an ellipsis;
 * at least `minDecimals`. String work only: the value was written out once.
 */
export function formatNumber(s: string, lang: Lang, minDecimals = 0): string {
  const neg = s.startsWith("-");
  const dot = s.indexOf(".");
  const int = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
  let frac = dot < 0 ? "" : s.slice(dot + 1);
  let more = "";
  if (frac.length > 6) {
    frac = frac.slice(0, 4);
    more = "…";
  }
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, "0");
  // Thousands grouped by three from the right (most figures have three digits or fewer: nothing to do).
  let grouped = int;
  if (int.length > 3) {
    const group = lang === "fr" ? "\u202f" : ",";
    const head = int.length % 3 || 3;
    grouped = int.slice(0, head);
    for (let i = head; i < int.length; i += 3) grouped += group + int.slice(i, i + 3);
  }
  return `${neg ? "−" : ""}${grouped}${frac ? (lang === "fr" ? "," : ".") + frac : ""}${more}`;
}

const formatDate = (iso: string, lang: Lang) => (lang === "fr" ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/** A value as printed in a formula: the number with its unit, a date, yes or no (worked out once). */
function show(x: Val, p: Print): string {
  const n = x.n;
  if (n?.k === "constant") return (n.shown[p.lang] ??= showValue(x, p));
  return (x.shown ??= showValue(x, p));
}

function showValue(x: Val, p: Print): string {
  const n = x.n;
  const unit = n ? nodeUnit(n) : null;
  const v = x.v;
  if (typeof v === "boolean") return WORDS[p.lang][v ? "yes" : "no"];
  if (typeof v === "string") return unit === "date" || ISO.test(v) ? formatDate(v, p.lang) : v;
  const s = plain(x);
  const dot = s.indexOf(".");
  // A constant keeps the decimals it is written with (0.90 stays 0,90).
  const minDecimals = unit === "money" ? 2 : n?.k === "constant" && dot >= 0 ? s.length - dot - 1 : 0;
  const num = formatNumber(s, p.lang, minDecimals);
  if (unit === null || unit === "date") return num;
  if (unit === "money") return `${num} ${CURRENCY[p.lang][p.currency]}`;
  const [one, many] = UNIT_WORDS[unit][p.lang];
  const abs = Math.abs(Number(s));
  return `${num} ${abs >= 2 || (p.lang === "en" && abs !== 1) ? many : one}`;
}
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const INFIX: Partial<Record<Op, [symbol: string, precedence: number]>> = {
  plus: ["+", 1],
  minus: ["−", 1],
  times: ["×", 2],
  div: ["÷", 2],
  lt: ["<", 0],
  lte: ["≤", 0],
  gt: [">", 0],
  gte: ["≥", 0],
  eq: ["=", 0],
};
/** A comparison that came out false is printed the way it holds: 1 < 2 rather than "not 1 ≥ 2". */
const NEGATED: Partial<Record<Op, Op>> = { lt: "gte", lte: "gt", gt: "lte", gte: "lt" };

const isAtom = (n: Node | null) => n === null || n.k === "fact" || n.k === "constant" || n.k === "param" || n.k === "lit" || n.k === "step";

/** An expression in words with its numbers; `outer` is the precedence of the operation around it. */
function expr(x: Val, p: Print, outer = 0): string {
  const n = x.n;
  if (n === null || isAtom(n)) return show(x, p);
  if (n.k === "branch") return expr(n.chosen, p, outer);
  if (n.k !== "op") return show(x, p);
  const w = WORDS[p.lang];
  const [a, b, c] = n.args as [Val, Val, Val];
  const infix = INFIX[n.op];
  if (infix) {
    const [sym, prec] = n.op in NEGATED && x.v === false ? INFIX[NEGATED[n.op]!]! : infix;
    // a − (b − c), a ÷ (b × c): the right operand of − and ÷ keeps its parentheses at equal precedence.
    const right = n.op === "minus" || n.op === "div" ? prec + 1 : prec;
    const s = `${expr(a, p, prec)} ${sym} ${expr(b, p, right)}`;
    return prec < outer ? `(${s})` : s;
  }
  switch (n.op) {
    case "max":
    case "min":
    case "earliest":
      return `${w[n.op]} (${expr(a, p)}${w.sep}${expr(b, p)})`;
    case "round2":
      return p.lang === "fr" ? `${w.round} de (${expr(a, p)})` : `(${expr(a, p)}) ${w.round}`;
    case "floor2":
      return p.lang === "fr" ? `${w.floor} de (${expr(a, p)})` : `(${expr(a, p)}) ${w.floor}`;
    case "wholeQuotient":
      return `${w.whole} (${expr(a, p, 2)} ÷ ${expr(b, p, 3)})`;
    case "count":
      return expr(a, p, outer);
    case "addMonths":
      return `${show(a, p)} + ${expr(b, p, 1)}`;
    case "addYearsMonths":
      return `${show(a, p)} + ${show(b, p)}${w.and}${show(c, p)}`;
    case "daysBetween":
      return w.days(show(a, p), show(b, p));
    case "fullYears":
      return w.years(show(a, p), show(b, p));
    default:
      return show(x, p);
  }
}

/** A condition as a branch states it: "14 mois < 24 mois", "CRP proposée : non". */
function condition(x: Val<boolean>, p: Print): string {
  const n = x.n;
  if (n && (n.k === "fact" || n.k === "step")) return `${n.label[p.lang]}${p.lang === "fr" ? " : " : ": "}${show(x, p)}`;
  return expr(x, p);
}

/** The formula of a step: its expression with the numbers, its value, the rounding when it changed something. */
function formula(e: Val, value: Val, p: Print): string | undefined {
  const conds: string[] = [];
  let x = e;
  while (x.n?.k === "branch") {
    conds.push(condition(x.n.cond, p));
    x = x.n.chosen;
  }
  const because = conds.length ? conds.join(", ") + WORDS[p.lang].so : "";
  if (typeof value.v === "boolean" && x.n?.k === "op") return because + expr(x, p);
  if (isAtom(x.n)) return because ? because + show(x, p) : undefined;
  const n = x.n as Extract<Node, { k: "op" }>;
  if (n.op === "round2" || n.op === "floor2") {
    const inner = n.args[0]!;
    const exact = isAtom(inner.n) ? show(inner, p) : `${expr(inner, p)} = ${show(inner, p)}`;
    const changed = plain(inner) !== plain(x);
    const colon = p.lang === "fr" ? " : " : ": ";
    return because + (changed ? `${exact}, ${WORDS[p.lang][n.op === "round2" ? "round" : "floor"]}${colon}${show(x, p)}` : exact);
  }
  return `${because}${expr(x, p)} = ${show(x, p)}`;
}

/**
 * The value of a step as the contract prints it: money to the cent when it is a whole number of cents (an amount
 * not rounded would show all its decimals, and differ from the amount printed), a count as a number.
 */
function stepValue(x: Val, unit: Unit | null, type?: string): string | number | boolean {
  const v = x.v;
  if (!isDecimal(v)) return v;
  if (type === "number") return v.toNumber();
  const s = plain(x);
  const dot = s.indexOf(".");
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  return unit === "money" && decimals < 2 ? (dot < 0 ? `${s}.00` : s.padEnd(dot + 3, "0")) : s;
}

const unitName = (u: Unit | null, p: Print) => (u === null ? undefined : u === "money" ? p.currency : u);

/** The named steps, facts, constants and parameters an expression reads directly (not those inside named steps). */
function children(e: Val, out: Val[]) {
  const n = e.n;
  if (n === null) return;
  switch (n.k) {
    case "lit":
      return;
    case "fact":
    case "constant":
    case "param":
    case "step":
      // Once each, by what it is (a fact read twice is two values of one fact).
      for (const o of out) if (o === e || (o.n!.k === n.k && key(o.n!) === key(n))) return;
      out.push(e);
      return;
    case "branch":
      children(n.cond, out);
      children(n.chosen, out);
      return;
    case "op":
      for (const a of n.args) children(a, out);
  }
}
const key = (n: Node) => (n.k === "param" ? n.id : n.k === "fact" || n.k === "constant" || n.k === "step" ? n.name : "");

/** The working of a value under a name (an amount key): its tree of steps. */
export function working(x: Val, name: string, label: Text, p: Print): WorkingStep {
  const n = x.n;
  if (n?.k === "step" && n.name === name) return stepOf(x, p);
  return build(name, label, x, x, n ? nodeUnit(n) : null, p);
}

function build(name: string, label: Text, e: Val, x: Val, unit: Unit | null, p: Print): WorkingStep {
  const type = p.types[name];
  const out: WorkingStep = { name, label: label[p.lang], value: stepValue(x, type === "money" ? "money" : unit, type) };
  const u = unitName(unit, p);
  if (u) out.unit = u;
  const f = formula(e, x, p);
  if (f) out.formula = f;
  const kids: Val[] = [];
  children(e, kids);
  if (kids.length) out.steps = kids.map((k) => stepOf(k, p));
  return out;
}

/** A step printed once per Result (an amount another uses, a value read twice); a constant is shared by many. */
function stepOf(x: Val, p: Print): WorkingStep {
  if (x.n?.k === "constant") return printStep(x, p);
  return (x.printed ??= printStep(x, p));
}

function printStep(x: Val, p: Print): WorkingStep {
  const n = x.n!;
  switch (n.k) {
    case "step":
      return build(n.name, n.label, n.expr, x, n.unit, p);
    case "fact": {
      const out: WorkingStep = { name: n.name, label: n.label[p.lang], value: stepValue(x, n.unit) };
      const u = unitName(n.unit, p);
      if (u) out.unit = u;
      return out;
    }
    case "constant": {
      const out: WorkingStep = { name: n.name, label: n.label[p.lang], value: n.written };
      const u = unitName(n.unit, p);
      if (u) out.unit = u;
      out.citation = n.citation;
      return out;
    }
    case "param": {
      const out: WorkingStep = { name: n.id, label: n.label[p.lang], value: n.value };
      const u = unitName(n.unit, p);
      if (u) out.unit = u;
      out.parameter = { id: n.id, from: n.from, value: n.value };
      return out;
    }
    default:
      throw new Error(`a ${n.k} is not a step of the working`);
  }
}
