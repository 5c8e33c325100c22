/**
 * Fact validation at the boundary: each aid's fact definitions (rules/<aid>/aid.json) become one strict
 * zod schema, so an unknown fact name or a bad value is an error naming the field. Money becomes Decimal
 * here, once. A plan validates up to 100,000 rows: `compileFacts` accepts exactly what the zod schema
 * accepts, ten times faster, and zod is run only on a row it rejects, to word the errors
 * (packages/engine/test/facts.test.ts checks the two agree).
 * Every number and amount is bounded by INPUT_LIMITS (packages/schema: one place for the API, the CLI, the web
 * app and the widget), on top of the fact's own min/max: the schema carries both, and so does the OpenAPI document
 * generated from it (with the labels and units), so an integrator sees the same rule the engine applies.
 */
import { z } from "zod";
import { BOUNDED_DECIMAL, DIGITS, InputNumber, IsoDate, inputDecimal, isBoundedNumber, MAX_MAGNITUDE, type FactDef } from "@fne/schema";
import { D } from "./decimal.ts";

const amountError = "expected an amount such as 1234.56 (a number or a decimal string)";
const numberError = "expected a number";
const MONEY_UNIT = "the currency of the case's date: FRF before 2002-01-01, EUR from then";

/** What the OpenAPI document shows of a fact: its labels, unit and range (JSON Schema keywords and x- extensions). */
function describe(def: FactDef): Record<string, unknown> {
  const words = [`${def.label.en}.`, def.help?.en, def.optional ? "Optional: its absence has a stated meaning, it never leaves the case undetermined." : undefined];
  const meta: Record<string, unknown> = { title: def.label.en, "x-label": def.label };
  if (def.type === "money") {
    Object.assign(meta, { minimum: 0, "x-unit": MONEY_UNIT });
    words.push(`An amount in ${MONEY_UNIT}; zero or more, ${DIGITS}.`);
  } else if (def.type === "number") {
    if (def.min !== undefined) meta.minimum = def.min;
    if (def.max !== undefined) meta.maximum = def.max;
    if (def.unit) meta["x-unit"] = def.unit;
    words.push(`${def.integer ? "A whole number" : "A number"}, ${DIGITS}.`);
  }
  return { ...meta, description: words.filter(Boolean).join(" ") };
}

function factSchema(def: FactDef): z.ZodType {
  switch (def.type) {
    case "boolean":
      return z.boolean({ error: "expected true or false" });
    case "money":
      return z
        .union([InputNumber, inputDecimal(amountError)], { error: amountError })
        .transform((v) => new D(v))
        .refine((d) => d.gte(0), "must be zero or more");
    case "number": {
      let n = z.number();
      if (def.integer) n = n.int("must be a whole number");
      // The bound in the message (the web app words it in French: i18n.ts).
      if (def.min !== undefined) n = n.min(def.min, `must be at least ${def.min}`);
      if (def.max !== undefined) n = n.max(def.max, `must be at most ${def.max}`);
      return z
        .union([InputNumber, inputDecimal(numberError)], { error: numberError })
        .transform(Number)
        .pipe(n);
    }
    case "date":
      return IsoDate;
    case "enum":
      return z.enum(def.values as [string, ...string[]], { error: `expected one of ${def.values.join(", ")}` });
    case "string":
      return def.pattern ? z.string().regex(new RegExp(def.pattern)) : z.string().min(1);
  }
}

export type FactsSchema = z.ZodType<Record<string, unknown>>;

/** The facts of an aid (or of every aid when screening): each optional, no other name; labels, units and ranges as metadata. */
export function factsSchema(defs: Record<string, FactDef>): FactsSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, def] of Object.entries(defs)) shape[name] = factSchema(def).meta(describe(def)).optional();
  return z.strictObject(shape) as unknown as FactsSchema;
}

const isIsoDate = (s: unknown) => IsoDate.safeParse(s).success;
/**
 * Whether a number or decimal string is within INPUT_LIMITS. A whole number is checked by its magnitude alone: it
 * has no decimals to count (isBoundedNumber's toFixed says the same, at a tenth of a plan row's check).
 */
function bounded(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) ? Math.abs(v) < MAX_MAGNITUDE : isBoundedNumber(v);
  return typeof v === "string" && BOUNDED_DECIMAL.test(v);
}
/** A number or decimal string within INPUT_LIMITS, as a number; NaN otherwise. */
const boundedNumber = (v: unknown) => (bounded(v) ? Number(v) : NaN);

/** Fast check of one fact: its normalised value, or INVALID. */
const INVALID = Symbol("invalid");
function fastFact(def: FactDef): (v: unknown) => unknown {
  switch (def.type) {
    case "boolean":
      return (v) => (typeof v === "boolean" ? v : INVALID);
    case "money":
      return (v) => {
        if (!bounded(v)) return INVALID;
        const d = new D(v as number | string);
        return d.isNegative() && !d.isZero() ? INVALID : d;
      };
    case "number":
      return (v) => {
        const n = boundedNumber(v);
        if (Number.isNaN(n)) return INVALID;
        if (def.integer && !Number.isInteger(n)) return INVALID;
        if ((def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) return INVALID;
        return n;
      };
    case "date":
      return (v) => (typeof v === "string" && isIsoDate(v) ? v : INVALID);
    case "enum":
      return (v) => (typeof v === "string" && def.values.includes(v) ? v : INVALID);
    case "string": {
      const re = def.pattern ? new RegExp(def.pattern) : /./;
      return (v) => (typeof v === "string" && re.test(v) ? v : INVALID);
    }
  }
}

/** The facts if valid (same output as the zod schema), else undefined: then ask zod for the errors. */
export function compileFacts(defs: Record<string, FactDef>): (input: unknown) => Record<string, unknown> | undefined {
  const checks = new Map(Object.entries(defs).map(([n, d]) => [n, fastFact(d)]));
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(input)) {
      const check = checks.get(k);
      if (!check) return undefined;
      const v = (input as Record<string, unknown>)[k];
      if (v === undefined) continue;
      const x = check(v);
      if (x === INVALID) return undefined;
      out[k] = x;
    }
    return out;
  };
}

/** Merge fact definitions of several aids; one name must mean one thing everywhere. */
export function mergeFactDefs(sets: Array<[aid: string, defs: Record<string, FactDef>]>): Record<string, FactDef> {
  const merged = new Map<string, { def: FactDef; aid: string }>();
  for (const [aid, defs] of sets) {
    for (const [name, def] of Object.entries(defs)) {
      const prev = merged.get(name);
      if (prev && prev.def.type !== def.type) throw new Error(`fact ${name} is a ${def.type} in ${aid} but a ${prev.def.type} in ${prev.aid}`);
      if (!prev) merged.set(name, { def, aid });
    }
  }
  return Object.fromEntries([...merged].map(([name, { def }]) => [name, def]));
}
