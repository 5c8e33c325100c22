/** fast-check generators of complete fact maps from an aid's fact definitions (rules/<aid>/aid.json). */
import fc from "fast-check";
import type { FactDef } from "@fne/schema";

/** Money as decimal strings; small integers too, so that thresholds are hit exactly. */
const money = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((n) => `${n}.00`),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
);

function arb(def: FactDef): fc.Arbitrary<unknown> {
  switch (def.type) {
    case "boolean":
      return fc.boolean();
    case "money":
      return money;
    case "number": {
      const min = def.min ?? 0;
      const max = Math.min(def.max ?? 1000, 1000);
      return def.integer ? fc.integer({ min, max }) : fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }).map((x) => Math.round(x * 100) / 100));
    }
    case "date":
      return fc.date({ min: new Date("1940-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case "enum":
      return fc.constantFrom(...def.values);
    case "string":
      return fc.constantFrom("75", "13", "2A", "971");
  }
}

export const factsArb = (defs: Record<string, FactDef>): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, arb(d)])));

export const dateArb = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
