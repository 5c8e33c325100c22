/** Property tests (fast-check) over generated cases: the law's cap, monotony, money format, the contract's shape. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluate, getRuntime } from "@fne/engine";
import { Result, Screening } from "@fne/schema";
import { D } from "@fne/engine";
import { run } from "./helpers.ts";
import { dateArb, factsArb } from "../packages/engine/test/arbitraries.ts";

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const tpCase = fc.record({
  date: dateArb("1994-06-01", "2008-04-30"),
  facts: fc.record({
    conventionDate: fc.constant("1994-04-12"),
    agreement: fc.constant(true),
    avoidsEconomicLayoffs: fc.constant(true),
    priorWeeklyHours: fc.constant(39),
    newWeeklyHours: fc.integer({ min: 0, max: 28 }),
    priorHourlyGrossWage: cents(1, 300),
    priorNetMonthlyWage: cents(0, 40_000),
    newNetMonthlyWage: cents(0, 40_000),
    companyHeadcount: fc.integer({ min: 1, max: 5000 }),
  }),
});
const tp = (c: { date: string; facts: Record<string, string | number | boolean> }) => run({ aid: "temps_partiel", ...c });

describe("temps_partiel properties", () => {
  it("new net pay + allocation never exceeds 90 % of the prior net pay (L322-4 5°)", () => {
    fc.assert(
      fc.property(tpCase, (c) => {
        const r = tp(c);
        if (r.status !== "eligible") return;
        const limit = new D(c.facts.priorNetMonthlyWage).times("0.90");
        for (const k of ["monthlyYear1", "monthlyYear2"]) {
          const total = new D(c.facts.newNetMonthlyWage).plus(r.amounts[k] as string);
          // The cap is rounded down to the cent: never over, not even by half a centime.
          expect(total.lte(limit) || new D(r.amounts[k] as string).isZero()).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("raising the prior pay (hourly or net) never lowers the allocation", () => {
    fc.assert(
      fc.property(tpCase, cents(0, 100), (c, raise) => {
        const a = tp(c);
        if (a.status !== "eligible") return;
        for (const field of ["priorHourlyGrossWage", "priorNetMonthlyWage"] as const) {
          const higher = { ...c, facts: { ...c.facts, [field]: new D(c.facts[field]).plus(raise).toFixed(2) } };
          const b = tp(higher);
          for (const k of ["monthlyYear1", "monthlyYear2"]) expect(new D(b.amounts[k] as string).gte(a.amounts[k] as string)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("every aid, generated cases", () => {
  const rt = getRuntime();
  for (const aid of rt.aids.values()) {
    it(`${aid.def.id}: every Result validates against the contract, every money amount has 2 decimals`, () => {
      fc.assert(
        fc.property(dateArb("1975-01-01", "2009-12-31"), factsArb(aid.def.facts), (date, facts) => {
          const r = Result.parse(evaluate({ aid: aid.def.id, date, facts }));
          for (const [k, v] of Object.entries(r.amounts)) {
            if (aid.def.amounts[k]?.type === "money") expect(v).toMatch(/^-?\d+\.\d{2}$/);
          }
          for (const p of r.periods) expect(p.amount).toMatch(/^\d+\.\d{2}$/);
          // CONTRACT.md: all listed amounts appear when the status is eligible.
          if (r.status === "eligible") for (const k of Object.keys(aid.def.amounts)) expect(r.amounts).toHaveProperty(k);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("screening returns one valid Result per aid", () => {
    fc.assert(
      fc.property(dateArb("1975-01-01", "2009-12-31"), (date) => {
        const s = Screening.parse(evaluate({ date }));
        expect(s.results.map((r) => r.aid).sort()).toEqual([...rt.aids.keys()].sort());
      }),
      { numRuns: 50 },
    );
  });
});
