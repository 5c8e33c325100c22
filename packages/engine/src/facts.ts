/**
 * Fact validation at the boundary: each aid's fact definitions (rules/<aid>/aid.json) become one strict
 * zod schema, so an unknown fact name or a bad value is an error naming the field. Money becomes Decimal
 * here, once. A plan validates up to 100,000 rows: `compileFacts` accepts exactly what the zod schema
 * accepts, ten times faster, and zod is run only on a row it rejects, to word the errors
 * (packages/engine/test/facts.test.ts checks the two agree).
 */
import { z } from "zod";
import { DecimalString, IsoDate, type FactDef } from "@fne/schema";
import { D } from "./decimal.ts";

const decimalInput = z.union([z.number().finite(), DecimalString], { error: 'expected an amount such as 1234.56 (a number or a decimal string)' });

function factSchema(def: FactDef): z.ZodType {
  switch (def.type) {
    case "boolean":
      return z.boolean({ error: "expected true or false" });
    case "money":
      return decimalInput
        .transform((v) => new D(v))
        .refine((d) => d.gte(0), "must be zero or more");
    case "number": {
      let n = z.number().finite();
      if (def.integer) n = n.int("must be a whole number");
      if (def.min !== undefined) n = n.min(def.min);
      if (def.max !== undefined) n = n.max(def.max);
      return z.union([z.number(), DecimalString.transform(Number)], { error: "expected a number" }).pipe(n);
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

export function factsSchema(defs: Record<string, FactDef>): FactsSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, def] of Object.entries(defs)) shape[name] = factSchema(def).optional();
  return z.strictObject(shape) as unknown as FactsSchema;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const isIsoDate = (s: unknown) => IsoDate.safeParse(s).success;

/** Fast check of one fact: its normalised value, or INVALID. */
const INVALID = Symbol("invalid");
function fastFact(def: FactDef): (v: unknown) => unknown {
  switch (def.type) {
    case "boolean":
      return (v) => (typeof v === "boolean" ? v : INVALID);
    case "money":
      return (v) => {
        if (!((typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && DECIMAL.test(v)))) return INVALID;
        const d = new D(v);
        return d.isNegative() && !d.isZero() ? INVALID : d;
      };
    case "number":
      return (v) => {
        const n = typeof v === "number" ? v : typeof v === "string" && DECIMAL.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n)) return INVALID;
        if (def.integer && !Number.isSafeInteger(n)) return INVALID;
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
  const merged: Record<string, FactDef> = {};
  const owner: Record<string, string> = {};
  for (const [aid, defs] of sets) {
    for (const [name, def] of Object.entries(defs)) {
      const prev = merged[name];
      if (prev && prev.type !== def.type) {
        throw new Error(`fact ${name} is a ${def.type} in ${aid} but a ${prev.type} in ${owner[name]}`);
      }
      if (!prev) {
        merged[name] = def;
        owner[name] = aid;
      }
    }
  }
  return merged;
}
