/** rules/ is validated at load: a malformed file fails fast, naming the file and the field. */
import { describe, expect, it } from "vitest";
import * as rules from "@fne/rules";
import { loadRules } from "@fne/engine";

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
