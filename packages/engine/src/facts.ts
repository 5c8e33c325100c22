/**
 * Fact validation at the boundary (zod): each aid's fact definitions (rules/<aid>/aid.json)
 * become one strict schema, so an unknown fact name or a bad value is an error naming the field.
 * Money becomes Decimal here, once.
 */
import { z } from "zod";
import { DecimalString, IsoDate, type FactDef } from "@fne/schema";
import { D } from "./decimal.ts";

const decimalInput = z.union([z.number().finite(), DecimalString]);

function factSchema(def: FactDef): z.ZodType {
  switch (def.type) {
    case "boolean":
      return z.boolean();
    case "money":
      return decimalInput
        .transform((v) => new D(v))
        .refine((d) => d.gte(0), "must be zero or more");
    case "number": {
      let n = z.number().finite();
      if (def.integer) n = n.int("must be a whole number");
      if (def.min !== undefined) n = n.min(def.min);
      if (def.max !== undefined) n = n.max(def.max);
      return z.union([z.number(), DecimalString.transform(Number)]).pipe(n);
    }
    case "date":
      return IsoDate;
    case "enum":
      return z.enum(def.values as [string, ...string[]]);
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
