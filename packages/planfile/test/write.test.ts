/**
 * The plan path of large plans (batches written as they are evaluated, in lanes: apps/cli) gives the same bytes as
 * the plain path (writePlan, one row after another) in every format, on generated rows of every aid; and the CSV
 * writer quotes as csv-stringify does.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { getRuntime, PlanRun } from "@fne/engine";
import {
  CsvWriter,
  ENGLISH,
  FRENCH,
  TAB,
  headPiece,
  planBatches,
  prepareJson,
  rowCells,
  tailPiece,
  writeBatch,
  writePlan,
  type Columns,
  type CompactRow,
  type Format,
  type PreparedPlan,
} from "@fne/planfile";
import { factsArb } from "../../engine/test/arbitraries.ts";

const rt = getRuntime();
const FORMATS: Format[] = ["json", "jsonl", "csv"];

/** Each format's whole text by the plain path. */
async function plain(p: PreparedPlan): Promise<string[]> {
  const out = FORMATS.map(() => "");
  await writePlan(rt, p, FORMATS.map((format, i) => ({ format, emit: (x) => void (out[i] += x as string) })));
  return out;
}

/** The same by batches written as they are evaluated, put together as apps/cli does. */
async function batched(p: PreparedPlan, size: number): Promise<string[]> {
  const main = new PlanRun(rt, p.ctx);
  const { date, currency } = main.summary();
  const out = FORMATS.map((f) => headPiece(rt, p.columns, f, date, currency));
  let written = 0;
  for (const b of planBatches(p.rows, size)) {
    const { pieces, tallies } = writeBatch(rt, p.ctx, b, p.columns, FORMATS);
    FORMATS.forEach((f, i) => {
      const piece = pieces[i] as string;
      if (piece) out[i] += f === "json" ? `${written === 0 ? "\n" : ",\n"}${piece}` : piece;
    });
    main.mergeStates(tallies);
    written += b.rows.length;
  }
  const s = main.summary();
  for (let i = 0; i < FORMATS.length; i++) out[i] += (await tailPiece(rt, p.columns, FORMATS[i]!, s, [])) as string;
  return out;
}

describe("plans in batches", () => {
  it("the same bytes as one row after another, on 2,000 generated rows of every aid with a scenario", async () => {
    const employees: unknown[] = [];
    for (const [id, aid] of rt.aids) {
      fc.sample(factsArb(aid.def.facts), { numRuns: 2000, seed: 12 }).forEach((facts, i) => {
        // Some rows leave facts out (undetermined), some repeat an id (that row's error).
        const kept = i % 7 === 0 ? Object.fromEntries(Object.entries(facts).slice(1)) : facts;
        employees.push({ id: i % 97 === 5 ? `${id}-${i - 1}` : `${id}-${i}`, aid: id, facts: kept });
      });
    }
    for (const date of ["1996-03-01", "2006-10-02"]) {
      const p = prepareJson(rt, { date, employer: { headcount: 250, proposesCRP: true }, scenarios: [{ name: "no CRP", employer: { proposesCRP: false } }], employees });
      expect(await batched(p, 1_000)).toEqual(await plain(p));
    }
  }, 300_000);
});

describe("CsvWriter", () => {
  const text = fc.array(fc.constantFrom("a", "1", ",", ";", "\t", '"', "\n", "\r", "\r\n", " ", "é", "=", "-", "+", "@", "."), { maxLength: 12 }).map((xs) => xs.join(""));
  const row: fc.Arbitrary<CompactRow> = fc.record({
    id: text,
    line: fc.option(fc.integer({ min: 2, max: 1e6 }), { nil: undefined }),
    aid: fc.constantFrom("crp", "atd"),
    status: fc.constantFrom("eligible", "ineligible", "undetermined", "no_law", "invalid" as const),
    employerCost: fc.constantFrom("", "0.00", "1234.56", "-12.50"),
    stateCost: fc.constantFrom("", "0.00", "99.99"),
    employeeAllocations: fc.constantFrom("", "10.00"),
    amounts: fc.record({ severance: fc.oneof(fc.constantFrom("12.34", "-1.50"), fc.integer(), fc.boolean(), text) }),
    reason: text,
    error: text,
    scenarios: fc.array(fc.record({ status: fc.constantFrom("eligible", "invalid" as const), employerCost: fc.constantFrom("", "5.00") }), { minLength: 1, maxLength: 1 }),
  });
  it("rows quoted as csv-stringify quotes them, in each dialect", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom(ENGLISH, FRENCH, TAB), (rows, dialect) => {
        const cols: Columns = { dialect, amountKeys: ["severance"], scenarios: ["no CRP"] };
        const expected = rows.length ? stringify(rows.map((r) => rowCells(r, cols)), {
              delimiter: dialect.separator,
              record_delimiter: dialect.lang === "fr" ? "\r\n" : "\n",
              // Ours quotes a cell with any line break, as RFC 4180 says; csv-stringify only one with its own.
              quoted_match: /[\r\n]/,
            }) : "";
        expect(new CsvWriter(rt, cols).rows(rows)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
