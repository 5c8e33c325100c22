/**
 * Guided questions (guided.ts): which fact is asked next, from the engine's `missing`, and when the session stops.
 * The sessions run against the engine with a person's whole situation known to the test: the test answers each
 * question from it (or skips it when the person does not know) and counts the questions asked.
 */
import { describe, expect, it } from "vitest";
import { evaluate, listAids } from "@fne/engine";
import type { Result, Screening } from "@fne/schema";
import { caseFromDraft, draftFromQuery, factFields, type CaseDraft } from "../src/draft.ts";
import { answer, askable, askedFacts, guidedQuery, nextQuestion, resultsOf } from "../src/guided.ts";

const aids = listAids();

/** Ask until nextQuestion has nothing left; a fact the situation lacks is skipped ("I don't know"). */
function session(date: string, aid: string, situation: Record<string, string>) {
  let draft: CaseDraft = { date, aid, lang: "fr", facts: {} };
  const fields = factFields(aids, aid);
  const statuses: string[][] = [];
  for (;;) {
    const results = resultsOf(evaluate(caseFromDraft(draft, fields)) as Result | Screening);
    statuses.push(results.map((r) => `${r.aid}:${r.status}`));
    const q = nextQuestion(results, aids, new Set(askedFacts(draft)));
    if (!q) return { asked: askedFacts(draft), results, statuses };
    draft = answer(draft, q, situation[q] ?? "");
  }
}

const result = (r: Pick<Result, "aid" | "status" | "missing">): Result => ({
  date: "1996-03-01",
  currency: "FRF",
  amounts: {},
  periods: [],
  reasons: [],
  legalBasis: [],
  notes: [],
  authority: null,
  rulesVersion: "test",
  version: null,
  title: r.aid,
  ...r,
});

describe("nextQuestion", () => {
  it("ATD eligible: the five facts of R322-6 in the order of its conditions, then the amount's, and no more", () => {
    // Eligibility (R322-6, al. 1): collectiveLayoff, trainingPossible, newHourlyWage < 0.90 × priorHourlyWage;
    // amounts (al. 3): priorHourlyWage, newHourlyWage, newMonthlyHours. Five distinct facts, each needed: five questions.
    // conventionScope (optional, who decides) is in no `missing`: not asked.
    const s = session("1996-03-01", "atd", {
      collectiveLayoff: "true",
      trainingPossible: "false",
      priorHourlyWage: "60,00",
      newHourlyWage: "40.00",
      newMonthlyHours: "169",
    });
    expect(s.asked).toEqual(["collectiveLayoff", "trainingPossible", "newHourlyWage", "priorHourlyWage", "newMonthlyHours"]);
    expect(s.results[0]!.status).toBe("eligible");
    // (0.90 × 60 − 40) × 169 = 2366.00 (test/golden/atd.test.ts)
    expect(s.results[0]!.amounts.monthlyFirst6).toBe("2366.00");
  });

  it("an unmet condition ends the aid at once: one question", () => {
    const s = session("1996-03-01", "atd", { collectiveLayoff: "false" });
    expect(s.asked).toEqual(["collectiveLayoff"]);
    expect(s.results[0]!.status).toBe("ineligible");
  });

  it("ASFNE eligible for a 57-year-old laid off in 2003: six questions", () => {
    // Conditions (R322-7, arrêté of 15 Sept 1987): economicLayoff, declaredNotReclassable, age ≥ 57 from birthDate
    // (ageDerogation only matters at 56: not asked), yearsSocialSecurity ≥ 10, yearsInCompany ≥ 1; amounts:
    // annualReferenceWage (SJR); the convention date matters only before 1997-05-05 and pensionDate is optional.
    const s = session("2003-03-01", "asfne", {
      economicLayoff: "true",
      declaredNotReclassable: "true",
      birthDate: "1945-06-15",
      yearsSocialSecurity: "38",
      yearsInCompany: "12",
      annualReferenceWage: "30000",
    });
    expect(s.asked).toEqual(["economicLayoff", "declaredNotReclassable", "birthDate", "yearsSocialSecurity", "yearsInCompany", "annualReferenceWage"]);
    // Born 15 June 1945: 57 on 1 March 2003. SJR = 30000 / 365 = 82.19 (test/golden/asfne.test.ts); end at 65
    // (R322-7 from 1998-11-14): 1945-06-15 + 65 years = 2010-06-15.
    expect(s.results[0]!.status).toBe("eligible");
    expect(s.results[0]!.amounts).toMatchObject({ dailyReferenceWage: "82.19", endDate: "2010-06-15" });
  });

  it("a screening asks first what the most aids need, and shows statuses as they come", () => {
    // A registered job seeker summoned to an interview far from home, in May 1982 (the mobility articles of 1983).
    const s = session("1982-05-03", "", {
      registeredJobSeeker: "true",
      economicLayoff: "false",
      collectiveLayoff: "false",
      hasFamilyCharge: "false",
      jobOfferExists: "false",
      category: "job_seeker",
      registeredOrCollectiveLayoff: "true",
      trainingFollowedOrExempted: "false",
      employmentConditionsChanged: "false",
      paidTraining: "false",
      summonedByAgency: "true",
      travelExceedsMinimum: "true",
    });
    // registeredJobSeeker opens four aids' conditions (R322-15 to R322-18).
    expect(s.asked[0]).toBe("registeredJobSeeker");
    const voucher = s.statuses.map((st) => st.find((x) => x.startsWith("transport_voucher:")));
    expect(voucher[0]).toBe("transport_voucher:undetermined");
    expect(voucher.at(-1)).toBe("transport_voucher:eligible");
    // Each answer decided an aid or came closer: the number of decided aids never goes down.
    const decided = s.statuses.map((st) => st.filter((x) => !x.endsWith(":undetermined")).length);
    expect(decided).toEqual([...decided].sort((a, b) => a - b));
    expect(s.results.find((r) => r.aid === "asfne")!.status).toBe("ineligible");
  });

  it("never asks a parameter or a text not in our sources, nor a fact skipped", () => {
    // asfne in 1996: the R322-7 wording of that date is not in our sources (missing "R322-7"), no question decides it.
    const s = session("1996-03-01", "asfne", {
      economicLayoff: "true",
      declaredNotReclassable: "true",
      birthDate: "1938-06-15",
      yearsSocialSecurity: "38",
      yearsInCompany: "12",
      annualReferenceWage: "120000",
    });
    expect(s.results[0]!.status).toBe("undetermined");
    expect(s.results[0]!.missing).toEqual(["R322-7"]);
    expect(new Set(s.asked).size).toBe(s.asked.length);
    expect(s.asked).not.toContain("R322-7");
    // A skipped fact stays in `missing` and is not asked again: the session ends.
    const skipped = session("1996-03-01", "atd", { collectiveLayoff: "true", trainingPossible: "false" });
    expect(skipped.asked).toEqual(["collectiveLayoff", "trainingPossible", "newHourlyWage", "priorHourlyWage", "newMonthlyHours"]);
    expect(skipped.results[0]!.status).toBe("undetermined");
  });

  it("prefers, among the aids' first facts, the one the most aids need, then the catalog's order", () => {
    const atd = result({ aid: "atd", status: "undetermined", missing: ["collectiveLayoff", "priorHourlyWage"] });
    const transport = result({ aid: "transport_voucher", status: "undetermined", missing: ["registeredJobSeeker"] });
    const lodging = result({ aid: "training_lodging", status: "undetermined", missing: ["registeredJobSeeker", "nights"] });
    expect(nextQuestion([atd, transport, lodging], aids, new Set())).toBe("registeredJobSeeker");
    expect(nextQuestion([atd, transport], aids, new Set())).toBe("collectiveLayoff");
    expect(nextQuestion([atd, transport], aids, new Set(["collectiveLayoff"]))).toBe("priorHourlyWage");
    // Decided aids ask nothing, whatever their `missing`.
    expect(nextQuestion([{ ...atd, status: "ineligible" }, { ...transport, status: "eligible" }], aids, new Set())).toBeUndefined();
    expect(askable(result({ aid: "prp", status: "undetermined", missing: ["conventionDate", "arrete-1999-04-20"] }), aids.find((a) => a.id === "prp"), new Set())).toEqual([
      "conventionDate",
    ]);
  });
});

describe("guidedQuery", () => {
  it("keeps the answers in the order asked, a skipped one empty, and reads back as the same draft", () => {
    const draft: CaseDraft = { date: "1996-03-01", aid: "atd", lang: "en", facts: { trainingPossible: "false", collectiveLayoff: "", priorHourlyWage: "60,00" } };
    const q = guidedQuery(draft);
    expect(q).toBe("date=1996-03-01&aid=atd&lang=en&f.trainingPossible=false&f.collectiveLayoff=&f.priorHourlyWage=60%2C00");
    const back = draftFromQuery(q);
    expect(back).toEqual(draft);
    expect(askedFacts(back)).toEqual(["trainingPossible", "collectiveLayoff", "priorHourlyWage"]);
  });
});
