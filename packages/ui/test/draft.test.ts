import { describe, expect, it } from "vitest";
import { listAids } from "@fne/engine";
import { caseFromDraft, draftFromQuery, draftToQuery, factFields, type CaseDraft } from "../src/draft.ts";

const aids = listAids();

describe("the case as the form holds it", () => {
  it("asks the facts of the aid, or each fact once when screening", () => {
    expect(factFields(aids, "atd").map((f) => f.name)).toEqual(Object.keys(aids.find((a) => a.id === "atd")!.facts));
    const all = factFields(aids, "");
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
    expect(all.find((f) => f.name === "birthDate")!.aids.length).toBeGreaterThan(1);
  });

  it("turns typed values into the contract's Case: booleans, decimal commas, blanks left out, other aids' facts dropped", () => {
    const draft: CaseDraft = {
      date: "1996-03-01",
      aid: "atd",
      lang: "fr",
      facts: { collectiveLayoff: "true", trainingPossible: "false", priorHourlyWage: "1 234,50", newHourlyWage: " 40 ", newMonthlyHours: "", birthDate: "1940-01-01" },
    };
    expect(caseFromDraft(draft, factFields(aids, "atd"))).toEqual({
      aid: "atd",
      date: "1996-03-01",
      lang: "fr",
      facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "1234.50", newHourlyWage: "40" },
    });
  });

  it("sends a value it cannot read as typed, so that the engine names the field", () => {
    const c = caseFromDraft({ date: "1996-03-01", aid: "atd", lang: "fr", facts: { newMonthlyHours: "beaucoup" } }, factFields(aids, "atd"));
    expect(c.facts).toEqual({ newMonthlyHours: "beaucoup" });
  });

  it("keeps the case in a query string and reads it back", () => {
    const fields = factFields(aids, "atd");
    const draft: CaseDraft = { date: "2003-06-01", aid: "atd", lang: "en", facts: { priorHourlyWage: "10,00", collectiveLayoff: "true" } };
    const q = draftToQuery(draft, fields);
    expect(q).toBe("date=2003-06-01&aid=atd&lang=en&f.collectiveLayoff=true&f.priorHourlyWage=10.00");
    expect(draftFromQuery(q)).toEqual({ date: "2003-06-01", aid: "atd", lang: "en", facts: { collectiveLayoff: "true", priorHourlyWage: "10.00" } });
    expect(draftFromQuery("lang=xx")).toEqual({ date: "", aid: "", lang: "fr", facts: {} });
  });
});

describe("a shared link is bounded (issue 13)", () => {
  it("a value of 100,000 digits is kept to 101 characters, and the engine refuses it at once, naming the field", async () => {
    const { evaluate, InputError } = await import("@fne/engine");
    const started = performance.now();
    const draft = draftFromQuery(`date=1996-03-01&aid=atd&f.priorHourlyWage=${"9".repeat(100_000)}`);
    expect(draft.facts.priorHourlyWage).toHaveLength(101);
    let error: unknown;
    try {
      evaluate(caseFromDraft(draft, factFields(aids, "atd")));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InstanceType<typeof InputError>).issues).toEqual([{ path: "facts.priorHourlyWage", message: "too many digits: at most 9 before the decimal point and 6 after" }]);
    expect(performance.now() - started).toBeLessThan(500); // it froze the page for over a minute
  });

  it("reads at most 200 facts, and f.__proto__ as a plain name", () => {
    const many = Array.from({ length: 500 }, (_, i) => `f.x${i}=1`).join("&");
    expect(Object.keys(draftFromQuery(many).facts)).toHaveLength(200);
    const proto = draftFromQuery("f.__proto__=1&f.toString=2");
    expect(Object.getPrototypeOf(proto.facts)).toBe(Object.prototype);
    expect(Object.keys(proto.facts)).toEqual(["__proto__", "toString"]);
  });
});
