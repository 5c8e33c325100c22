/** rules/ is validated at load: a malformed file fails fast, naming the file and the field. */
import { describe, expect, it } from "vitest";
import * as rules from "@fne/rules";
import { loadRules } from "@fne/engine";
import { formula, type Formula } from "../src/formula.ts";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const atdVersion = () => clone(rules.ruleVersionFiles["atd/R322-6.json"]) as Record<string, unknown> & { conditions: Array<Record<string, unknown>> };

function loadWith(path: string, data: unknown, group: keyof typeof rules = "ruleVersionFiles") {
  return () => loadRules({ ...rules, [group]: { ...(rules[group] as object), [path]: data } });
}

describe("loading rules/", () => {
  it("loads every file of rules/", () => {
    const rt = loadRules(rules);
    expect([...rt.aids.keys()]).toContain("atd");
    expect(rt.parameters.get("minimum_garanti")?.steps.length).toBeGreaterThan(10);
  });

  it("names the file and the field of a bad operator", () => {
    const v = atdVersion();
    v.conditions[0]!.when = { fact: "collectiveLayoff", operator: "equals", value: true };
    expect(loadWith("atd/R322-6.json", v)).toThrow(/rules\/atd\/R322-6\.json: conditions\.0\.when/);
  });

  it("rejects a condition on a fact the aid does not define", () => {
    const v = atdVersion();
    v.conditions[0]!.when = { fact: "collectiveLayof", operator: "equal", value: true };
    expect(loadWith("atd/R322-6.json", v)).toThrow(/conditions\.0\.when: unknown fact "collectiveLayof"/);
  });

  it("rejects a citation of an article that rules/articles does not hold", () => {
    const v = atdVersion();
    v.conditions[1]!.citation = { article: "R322-99", paragraph: 1 };
    expect(loadWith("atd/R322-6.json", v)).toThrow(/conditions\.1\.citation: unknown article "R322-99"/);
  });

  it("rejects a formula that does not exist", () => {
    const v = atdVersion();
    v.formula = "nope";
    expect(loadWith("atd/R322-6.json", v)).toThrow(/rules\/atd\/R322-6\.json: formula/);
  });

  it("rejects overlapping versions of one aid", () => {
    const v = atdVersion();
    v.id = "atd@copy";
    expect(loadWith("atd/copy.json", v)).toThrow(/overlaps/);
  });

  it("rejects a parameter value that is not a decimal string", () => {
    const p = clone(rules.parameterFiles["parameters/minimum_garanti.json"]) as { values: Array<{ value: unknown }> };
    p.values[2]!.value = 12.2;
    expect(loadWith("parameters/minimum_garanti.json", p, "parameterFiles")).toThrow(/parameters\/minimum_garanti\.json: values\.2\.value/);
  });

  it("rejects an authority named by a fact the aid does not define", () => {
    const v = clone(rules.ruleVersionFiles["youth_mobility/R322-27.json"]) as { authority: { byFact: { fact: string } } };
    v.authority.byFact.fact = "workplaceDepartment";
    expect(loadWith("youth_mobility/R322-27.json", v)).toThrow(/authority\.byFact\.fact: unknown fact "workplaceDepartment"/);
  });

  it("rejects an impossible validity date", () => {
    const v = atdVersion();
    v.validTo = "2008-02-30";
    expect(loadWith("atd/R322-6.json", v)).toThrow(/validTo: not a calendar date/);
  });
});

describe("what a formula declares it reads is checked at load", () => {
  const withAtd = (f: Formula) => () => loadRules({ ...rules, formulas: { ...rules.formulas, atd: f } });
  const reads = rules.formulas.atd.reads;
  const atd = (r: Formula["reads"]): Formula => ({ ...rules.formulas.atd, reads: r });

  it("a fact not in aid.json, or of another type", () => {
    expect(withAtd(atd({ ...reads, facts: { ...reads.facts, priorHourlyWages: "money" } }))).toThrow(/rules\/atd\/R322-6\.json: formula: formula "atd" reads the fact "priorHourlyWages", not in atd\/aid.json/);
    expect(withAtd(atd({ ...reads, facts: { ...reads.facts, newMonthlyHours: "money" } }))).toThrow(/reads the fact "newMonthlyHours" as money; atd\/aid.json says number/);
  });

  it("a constant not in the version, and a constant of the version that no formula reads", () => {
    expect(withAtd(atd({ ...reads, constants: { ...reads.constants, rateFirst7: "number" } }))).toThrow(/constants: formula "atd" reads the constant "rateFirst7", not in this version/);
    const { monthsPerPhase: _, ...fewer } = reads.constants;
    expect(withAtd(atd({ ...reads, constants: fewer }))).toThrow(/constants\.monthsPerPhase: read by no formula/);
  });

  it("a parameter not in rules/parameters", () => {
    expect(withAtd(atd({ ...reads, parameters: ["smic_horaire"] }))).toThrow(/reads the parameter "smic_horaire", not in rules\/parameters/);
  });
});

describe("TypeScript refuses a name a formula did not declare", () => {
  it("compiles only with declared names (tsc checks the @ts-expect-error lines)", () => {
    const f = formula(
      { facts: { priorHourlyWage: "money" }, constants: { rateFirst6: "number", conventionsSignedBefore: "date" }, parameters: ["pss_mensuel"] },
      {
        compute(c) {
          c.fact("priorHourlyWage");
          // @ts-expect-error: a fact the formula did not declare
          c.fact("newHourlyWage");
          // @ts-expect-error: a constant the formula did not declare
          c.constant("rateNext6");
          // @ts-expect-error: a date constant is not a number
          c.constant("conventionsSignedBefore");
          // @ts-expect-error: a parameter the formula did not declare
          c.param("pss_annuel");
          return { amounts: { x: c.times(c.constant("rateFirst6"), c.param("pss_mensuel")) } };
        },
      },
    );
    expect(Object.keys(f.reads.facts)).toEqual(["priorHourlyWage"]);
  });
});

describe("dated constants", () => {
  const tp = () => clone(rules.ruleVersionFiles["temps_partiel/R322-7-1.json"]) as { constants: Record<string, { by?: string; values: Array<Record<string, unknown>> }> };

  it("values in the order of their dates", () => {
    const v = tp();
    v.constants.floorYear1!.values.reverse();
    expect(loadWith("temps_partiel/R322-7-1.json", v)).toThrow(/constants\.floorYear1\.values\.1\.from: values must be in order of their dates/);
  });

  it("a money value states its currency", () => {
    const v = tp();
    delete v.constants.floorYear1!.values[1]!.currency;
    expect(loadWith("temps_partiel/R322-7-1.json", v)).toThrow(/constants\.floorYear1\.values\.1\.currency/);
  });

  it("a value not in our sources says what is missing and why", () => {
    const v = tp();
    delete v.constants.rateYear1!.values[0]!.note;
    expect(loadWith("temps_partiel/R322-7-1.json", v)).toThrow(/constants\.rateYear1\.values\.0: a value not in our sources needs `missing` and `note`/);
  });

  it("a constant keyed on a fact: a date fact the formula declares", () => {
    const v = tp();
    v.constants.rateYear1!.by = "priorWeeklyHours";
    expect(loadWith("temps_partiel/R322-7-1.json", v)).toThrow(/constants\.rateYear1\.by: "priorWeeklyHours" is not a date fact/);
  });
});

describe("an authority chosen by a fact's value (byFact)", () => {
  it("names one authority for each value of the fact, and nothing else", () => {
    const v = atdVersion() as unknown as { authority: { byFact: { values: Record<string, string> } } };
    delete v.authority.byFact.values.multi_departement;
    expect(loadWith("atd/R322-6.json", v)).toThrow(/authority\.byFact\.values: one authority for each value of "conventionScope" \(departement, multi_departement\)/);
  });

  it("either by values or by a template", () => {
    const v = atdVersion() as unknown as { authority: { byFact: Record<string, unknown> } };
    v.authority.byFact.template = "préfet du {value}";
    expect(loadWith("atd/R322-6.json", v)).toThrow(/authority\.byFact: either `values` or `template`/);
  });
});
