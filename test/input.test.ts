/** Bad input: a clear error naming the field, never a crash or a silent default (CONTRACT.md, Error). */
import { describe, expect, it } from "vitest";
import { evaluate, InputError } from "@fne/engine";
import { ErrorBody } from "@fne/schema";

function errorOf(input: unknown) {
  try {
    evaluate(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return ErrorBody.parse((e as InputError).toJSON()).error;
  }
  throw new Error("expected an InputError");
}

const paths = (input: unknown) => errorOf(input).issues.map((i) => i.path);

describe("invalid cases", () => {
  it("an impossible date", () => {
    const e = errorOf({ aid: "atd", date: "1996-02-30", facts: {} });
    expect(e.code).toBe("invalid_case");
    expect(e.issues).toEqual([{ path: "date", message: "not a calendar date" }]);
  });

  it("a missing date", () => expect(paths({ aid: "atd", facts: {} })).toEqual(["date"]));

  it("an unknown aid, listing the known ones", () => {
    const e = errorOf({ aid: "atdx", date: "1996-03-01" });
    expect(e.issues[0]!.path).toBe("aid");
    expect(e.issues[0]!.message).toMatch(/unknown aid "atdx".*atd/);
  });

  it("an unknown fact name (a typo must not pass silently)", () => {
    const e = errorOf({ aid: "atd", date: "1996-03-01", facts: { priorHourlyWag: "10.00", collectiveLayoff: true } });
    expect(e.issues).toEqual([{ path: "facts.priorHourlyWag", message: "unknown fact for aid atd" }]);
  });

  it("a fact of the wrong type", () => {
    expect(paths({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: "yes" } })).toEqual(["facts.collectiveLayoff"]);
    expect(paths({ aid: "atd", date: "1996-03-01", facts: { priorHourlyWage: "12,50" } })).toEqual(["facts.priorHourlyWage"]);
    expect(paths({ aid: "atd", date: "1996-03-01", facts: { priorHourlyWage: "-3" } })).toEqual(["facts.priorHourlyWage"]);
    expect(paths({ aid: "atd", date: "1996-03-01", facts: { newMonthlyHours: 1000 } })).toEqual(["facts.newMonthlyHours"]);
  });

  it("several bad fields are all named", () => {
    expect(paths({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: 1, newHourlyWage: true } }).sort()).toEqual([
      "facts.collectiveLayoff",
      "facts.newHourlyWage",
    ]);
  });

  it("an unknown parameter override", () => {
    expect(paths({ aid: "atd", date: "1996-03-01", parameters: { minimum_garantie: "12.10" } })).toEqual(["parameters.minimum_garantie"]);
  });

  it("a parameter override that is not a decimal string", () => {
    expect(paths({ aid: "atd", date: "1996-03-01", parameters: { minimum_garanti: 12.1 } })).toEqual(["parameters.minimum_garanti"]);
  });

  it("a département that does not exist (youth_mobility, R322-31) names the field", () => {
    const facts = { birthDate: "1960-03-15", jobStartDate: "1983-05-02", fullTime: true, contract: "cdi", distanceKm: 45, startPointDate: "1982-09-30" };
    const c = { aid: "youth_mobility", date: "1983-07-14", facts: { ...facts, applicationDate: "1983-07-14", nationalServiceMonths: 12, workplaceDepartement: "20" } };
    expect(paths(c)).toEqual(["facts.workplaceDepartement"]);
  });

  it("an unknown top-level field", () => expect(paths({ aid: "atd", date: "1996-03-01", fact: {} })).toEqual(["fact"]));

  it("not an object at all", () => {
    expect(paths(null)).toEqual(["(root)"]);
    expect(paths([1, 2])).toEqual(["(root)"]);
  });
});

describe("screening (no aid)", () => {
  it("evaluates every aid for the date", () => {
    const r = evaluate({ date: "1996-03-01", facts: { collectiveLayoff: true } });
    expect("results" in r && r.results.map((x) => x.aid)).toContain("atd");
  });

  it("rejects a fact that no aid knows", () => {
    expect(paths({ date: "1996-03-01", facts: { nope: 1 } })).toEqual(["facts.nope"]);
  });
});
