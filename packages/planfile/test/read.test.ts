/** Records of CSV pieces: the quick reader of plain pieces gives exactly what csv-parse gives. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvRecords, type Separator } from "@fne/planfile";
import { csvParseRecords as byCsvParse } from "../src/read.ts";

const piece = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 80 }).map((xs) => xs.join(""));
const separators: Separator[] = [",", ";", "\t"];

describe("csvRecords", () => {
  it("a piece without quotes: the same records and lines as csv-parse", () => {
    fc.assert(
      fc.property(piece(["a", "1", ",", ";", "\t", "\n", "\r\n", " ", "é", "2 500,50", "\uFEFF", "=1+1", "-3"]), fc.constantFrom(...separators), fc.integer({ min: 1, max: 9 }), (text, sep, first) => {
        expect(csvRecords(text, sep, first)).toEqual(byCsvParse(text, sep, first));
      }),
      { numRuns: 5000 },
    );
  });
  it("a piece with quotes or a lone CR: csv-parse's records, or its error", () => {
    fc.assert(
      fc.property(piece(["a", ",", ";", "\n", "\r\n", "\r", '"', '""', " "]), fc.constantFrom(...separators), (text, sep) => {
        let expected: unknown;
        try {
          expected = byCsvParse(text, sep, 1);
        } catch {
          expected = "error";
        }
        let got: unknown;
        try {
          got = csvRecords(text, sep, 1);
        } catch {
          got = "error";
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
  it("a generated plan: blank lines skipped, lines counted", () => {
    expect(csvRecords("E1,crp,1\r\n\r\nE2,crp,2\n", ",", 2)).toEqual([
      { line: 2, cells: ["E1", "crp", "1"] },
      { line: 4, cells: ["E2", "crp", "2"] },
    ]);
  });
});
