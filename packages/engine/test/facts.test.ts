/** The compiled fact check accepts exactly what the zod schema accepts, with the same values. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getRuntime } from "@fne/engine";
import { plainRow } from "../src/plan.ts";
import { PlanEmployee } from "@fne/schema";
import { factsArb } from "./arbitraries.ts";

const rt = getRuntime();
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.constantFrom(1e9, -1e9, 999_999_999, -999_999_999, 2 ** 53, -0, 1e9 - 0.5, 0.1 + 0.2),
  fc.constantFrom("", "12,50", "1e3", "-0.00", "-1", "0012.5", "abc", "1996-02-30", "1996-02-29", "true", "cdi", "departement", " 12"),
  fc.string({ maxLength: 6 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const show = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "object" && v !== null && v.constructor?.name === "Decimal" ? `D:${v}` : v));

describe("compiled fact check ≡ zod", () => {
  for (const aid of rt.aids.values()) {
    const names = Object.keys(aid.def.facts);
    if (!names.length) continue;
    it(`${aid.def.id}: valid, mutated and junk fact maps`, () => {
      const mutated = fc
        .tuple(factsArb(aid.def.facts), fc.constantFrom(...names, "unknownFact"), junk)
        .map(([f, k, v]) => ({ ...f, [k]: v }));
      fc.assert(
        fc.property(fc.oneof(factsArb(aid.def.facts), mutated, junk), (input) => {
          const z = aid.schema.safeParse(input);
          const fast = aid.check(input);
          expect(fast !== undefined, show(input)).toBe(z.success);
          if (z.success) expect(show(fast)).toBe(show(Object.fromEntries(Object.entries(z.data).filter(([, v]) => v !== undefined))));
        }),
        { numRuns: 3000 },
      );
    });
  }
});

describe("plan rows", () => {
  it("a row the fast path accepts is one PlanEmployee accepts", () => {
    fc.assert(
      fc.property(fc.record({ id: fc.oneof(fc.string(), junk), aid: fc.oneof(fc.constant(undefined), fc.string(), junk), facts: fc.oneof(fc.dictionary(fc.string(), fc.integer()), junk) }, { requiredKeys: [] }), (row) => {
        // evaluateEmployee falls back to zod for anything the fast path refuses; it must never accept more.
        const fast = plainRow(row);
        if (fast) expect(PlanEmployee.parse(row)).toEqual(fast);
      }),
      { numRuns: 2000 },
    );
  });
});
