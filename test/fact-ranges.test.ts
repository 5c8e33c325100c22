/**
 * Every number fact has its own sensible range, in one place: its definition in rules/<aid>/aid.json (`min`, `max`),
 * on top of the digit limits of INPUT_LIMITS that bound every number and amount (issue #13, item 3). The engine
 * refuses a value past a bound with an error on `facts.<name>` that says the bound; the web app says it in French.
 */
import { describe, expect, it } from "vitest";
import { evaluate, getRuntime, InputError } from "@fne/engine";
import { ErrorBody } from "@fne/schema";
import { buildServer } from "../apps/api/src/server.ts";
import { issueMessage } from "../packages/ui/src/i18n.ts";

function issuesOf(input: unknown) {
  try {
    evaluate(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return ErrorBody.parse((e as InputError).toJSON()).error.issues;
  }
  return [];
}

describe("every number fact has a range", () => {
  const rt = getRuntime();
  const numbers = [...rt.aids.values()].flatMap((a) =>
    Object.entries(a.def.facts)
      .filter(([, d]) => d.type === "number")
      .map(([name, d]) => ({ aid: a.def.id, name, def: d as Extract<typeof d, { type: "number" }> })),
  );

  it("in its definition: a minimum and a maximum", () => {
    expect(numbers.length).toBeGreaterThan(15);
    expect(numbers.filter((n) => n.def.min === undefined || n.def.max === undefined).map((n) => `${n.aid}.${n.name}`)).toEqual([]);
  });

  it("the same range for a name several aids share (screening checks a fact once, for every aid)", () => {
    const seen = new Map<string, string>();
    for (const n of numbers) {
      const range = JSON.stringify([n.def.min, n.def.max, n.def.integer ?? false]);
      expect(seen.get(n.name) ?? range, `${n.aid}.${n.name}`).toBe(range);
      seen.set(n.name, range);
    }
  });
});

/** One fact of each kind of bound: its maximum is accepted, one more is refused naming the field and the bound. */
const BOUNDS = [
  { kind: "a count of people (dependants)", aid: "mobility_transfer", date: "1983-07-14", fact: "dependants", max: 20 },
  { kind: "a duration in days", aid: "double_residence", date: "1983-07-14", fact: "days", max: 3660 },
  { kind: "a number of nights", aid: "training_lodging", date: "1983-07-14", fact: "nights", max: 3660 },
  { kind: "a duration in months (a fixed-term contract)", aid: "youth_mobility", date: "1983-07-14", fact: "cddMonths", max: 120 },
  { kind: "a distance", aid: "youth_mobility", date: "1983-07-14", fact: "distanceKm", max: 20000 },
  { kind: "a company's headcount", aid: "crp", date: "2006-10-02", fact: "companyHeadcount", max: 1_000_000 },
  { kind: "hours in a month (24 × 31)", aid: "atd", date: "1996-03-01", fact: "newMonthlyHours", max: 744 },
  { kind: "years of service", aid: "asfne", date: "2003-03-01", fact: "yearsInCompany", max: 60 },
] as const;

describe("a value past its fact's maximum is refused, naming the field and the bound", () => {
  for (const b of BOUNDS) {
    it(`${b.kind}: ${b.aid}.${b.fact} ≤ ${b.max}`, () => {
      expect(issuesOf({ aid: b.aid, date: b.date, facts: { [b.fact]: b.max } })).toEqual([]);
      const issues = issuesOf({ aid: b.aid, date: b.date, facts: { [b.fact]: b.max + 1 } });
      expect(issues).toEqual([{ path: `facts.${b.fact}`, message: `must be at most ${b.max}` }]);
      expect(issueMessage("fr", issues[0]!.message)).toBe(`doit être au plus ${b.max}`);
      expect(issueMessage("en", issues[0]!.message)).toBe(`must be at most ${b.max}`);
    });
  }

  it("the same in a screening (no aid) and as a decimal string", () => {
    expect(issuesOf({ date: "1983-07-14", facts: { dependants: "21" } })).toEqual([{ path: "facts.dependants", message: "must be at most 20" }]);
  });

  it("a minimum: below it, the same kind of error", () => {
    const issues = issuesOf({ aid: "crp", date: "2006-10-02", facts: { seniorityMonths: -1 } });
    expect(issues).toEqual([{ path: "facts.seniorityMonths", message: "must be at least 0" }]);
    expect(issueMessage("fr", issues[0]!.message)).toBe("doit être au moins 0");
  });

  it("the API answers 400 invalid_case with the field and the bound", async () => {
    const app = buildServer();
    const res = await app.inject({ method: "POST", url: "/v1/evaluate", payload: { aid: "double_residence", date: "1983-07-14", facts: { days: 3661 } } });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error).toMatchObject({ code: "invalid_case", issues: [{ path: "facts.days", message: "must be at most 3660" }] });
    await app.close();
  });
});
