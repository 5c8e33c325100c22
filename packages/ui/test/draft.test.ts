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
