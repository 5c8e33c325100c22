/** Dates in words and what changed between two stored evaluations (the dossier page's comparison). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, listAids } from "@fne/engine";
import type { Evaluation, Result } from "@fne/schema";
import { diffEvaluations, formatDate, formatDateTime } from "../src/index.ts";

describe("dates as a French agent writes them", () => {
  it("writes the day, the month in words and the year; the first of the month is 1er", () => {
    expect(formatDate("1990-04-02", "fr")).toBe("2 avril 1990");
    expect(formatDate("1996-03-01", "fr")).toBe("1er mars 1996");
    expect(formatDate("2006-08-15", "fr")).toBe("15 août 2006");
    expect(formatDate("1990-04-02", "en")).toBe("2 April 1990");
    expect(formatDate("1996-03-01", "en")).toBe("1 March 1996");
  });

  it("writes a time of day as « 9 h 05 » in French", () => {
    const at = new Date(2026, 10, 30, 9, 5).toISOString();
    expect(formatDateTime(at, "fr")).toBe("30 novembre 2026 à 9 h 05");
    expect(formatDateTime(at, "en")).toBe("30 November 2026, 09:05");
  });
});

describe("what changed between two evaluations", () => {
  const root = new URL("../../../", import.meta.url).pathname;
  const atd = JSON.parse(readFileSync(`${root}rules/atd/examples/atd.json`, "utf8"));
  const stored = (c: typeof atd, rulesVersion?: string): Evaluation => {
    const result = evaluate(c) as Result;
    return {
      id: "x",
      at: "2026-11-30T09:00:00Z",
      actor: "t",
      actorRole: "caseworker",
      actorLabel: null,
      case: c,
      result: { ...result, rulesVersion: rulesVersion ?? result.rulesVersion },
      rulesVersion: rulesVersion ?? result.rulesVersion,
      status: result.status,
      recheckOf: null,
    };
  };

  it("finds nothing between the same case under the same rules", () => {
    expect(diffEvaluations(stored(atd), stored(atd), listAids(), "fr")).toEqual([]);
  });

  it("names the fact, the rules version and each amount that moved, written for the reader", () => {
    const later = { ...atd, facts: { ...atd.facts, newHourlyWage: "42.00" } };
    const lines = diffEvaluations(stored(atd, "1.0.0+old"), stored(later), listAids(), "fr");
    const byKey = Object.fromEntries(lines.map((l) => [l.key, [l.label, l.before, l.after]]));
    expect(byKey["fact:newHourlyWage"]).toEqual(["Nouveau salaire horaire", "40,00\u00a0F", "42,00\u00a0F"]);
    expect(byKey.rulesVersion?.[1]).toBe("1.0.0+old");
    // R322-6: (0.90 × 50 − 40) × 169 = 845.00 a month before; (0.90 × 50 − 42) × 169 = 3 × 169 = 507.00 after
    expect(byKey["amount:atd:monthlyFirst6"]?.slice(1)).toEqual(["845,00\u00a0F", "507,00\u00a0F"]);
    // totals: 6 × 845 = 5070.00; 6 × 507 = 3042.00
    expect(byKey["amount:atd:total"]?.slice(1)).toEqual(["5\u202f070,00\u00a0F", "3\u202f042,00\u00a0F"]);
    expect(byKey["status:atd"]).toBeUndefined();
  });
});
