/**
 * The input limits (packages/schema INPUT_LIMITS) as the engine applies them, so that the CLI, the web app and the
 * widget (which call the engine directly) refuse what the API refuses: numbers and amounts with at most 9 digits
 * before the decimal point and 6 after, bounded maps of facts and parameters, and only own names (issue 13).
 */
import { describe, expect, it } from "vitest";
import { evaluate, InputError } from "@fne/engine";

const atd = { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "50.00", newHourlyWage: "40.00", newMonthlyHours: 169 } };

function issues(input: unknown) {
  try {
    evaluate(input);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error("accepted");
}

describe("numbers and amounts within INPUT_LIMITS", () => {
  it("a million-digit amount is refused at once, naming the field and the limit (it was computed: 7 MB, 2.2 s)", () => {
    const started = performance.now();
    expect(issues({ ...atd, facts: { ...atd.facts, priorHourlyWage: "9".repeat(1_000_000) } })).toEqual([
      { path: "facts.priorHourlyWage", message: "too many digits: at most 9 before the decimal point and 6 after" },
    ]);
    expect(performance.now() - started).toBeLessThan(500); // generous: well under a millisecond of work
  });

  it.each([
    ["10 digits before the point", "1234567890"],
    ["7 decimals", "1.1234567"],
    ["a number of 10 digits", 1234567890],
    ["1e308", 1e308],
    ["a float's 17 digits", 0.1 + 0.2],
  ])("an amount of %s is refused", (_, v) => {
    expect(issues({ ...atd, facts: { ...atd.facts, newHourlyWage: v } }).map((i) => i.path)).toEqual(["facts.newHourlyWage"]);
  });

  it("the largest amount and the smallest fraction within the limits are accepted", () => {
    const r = evaluate({ ...atd, facts: { ...atd.facts, priorHourlyWage: "999999999.999999", newHourlyWage: 0.000001 } });
    expect("status" in r && r.status).toBe("eligible");
  });

  it("a number fact keeps its own range within the limits", () => {
    expect(issues({ ...atd, facts: { ...atd.facts, newMonthlyHours: "745" } })).toEqual([{ path: "facts.newMonthlyHours", message: "must be at most 744" }]);
    expect(issues({ ...atd, facts: { ...atd.facts, newMonthlyHours: "1".repeat(100) } })[0]!.message).toMatch(/^too many digits/);
  });

  it("parameter overrides are bounded the same way, and at most 50", () => {
    expect(issues({ ...atd, parameters: { smic_horaire_brut: "1".repeat(20) } }).map((i) => i.path)).toEqual(["parameters.smic_horaire_brut"]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, "1"]));
    expect(issues({ ...atd, parameters: many })).toEqual([{ path: "parameters", message: "51 parameters: at most 50 are accepted" }]);
  });

  it("facts are at most 200, a case's fields at most 50", () => {
    expect(issues({ ...atd, facts: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 1])) })).toEqual([{ path: "facts", message: "201 facts: at most 200 are accepted" }]);
    expect(issues({ ...atd, ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x${i}`, 1])) })).toEqual([{ path: "(root)", message: "63 fields: at most 50 are read" }]);
  });
});

describe("names are looked up as own properties only", () => {
  it.each(["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"])("%s is an unknown fact, parameter and aid", (name) => {
    // JSON.parse makes "__proto__" an own property, as a body or a file would.
    const json = (o: object) => JSON.parse(JSON.stringify(o).replace(/"NAME"/g, JSON.stringify(name)));
    expect(issues(json({ ...atd, facts: { NAME: 1 } })).map((i) => i.path)).toEqual([`facts.${name}`]);
    expect(issues(json({ date: "1996-03-01", facts: { NAME: 1 } })).map((i) => i.path)).toEqual([`facts.${name}`]);
    expect(issues(json({ ...atd, parameters: { NAME: "1" } })).map((i) => i.path)).toEqual([`parameters.${name}`]);
    expect(issues(json({ ...atd, aid: "NAME" })).map((i) => i.path)).toEqual(["aid"]);
  });
});
