import { describe, expect, it } from "vitest";
import { dossierOf, langOf, readHash, withLang, writeHash } from "../src/route.ts";

describe("the page state in the URL hash", () => {
  it("reads the view and the case query, the case form by default", () => {
    expect(readHash("#case?date=1996-03-01&aid=atd")).toEqual({ view: "case", query: "date=1996-03-01&aid=atd" });
    expect(readHash("#plan")).toEqual({ view: "plan", query: "" });
    expect(readHash("")).toEqual({ view: "case", query: "" });
    expect(readHash("#nonsense?x=1")).toEqual({ view: "case", query: "x=1" });
  });

  it("writes what it reads", () => {
    expect(writeHash("case", "date=1996-03-01")).toBe("#case?date=1996-03-01");
    expect(writeHash("plan")).toBe("#plan");
    expect(readHash(writeHash("case", "a=1&b=2"))).toEqual({ view: "case", query: "a=1&b=2" });
  });
});

describe("the dossier views in the URL hash", () => {
  it("reads the list and an open dossier", () => {
    expect(readHash("#dossiers")).toEqual({ view: "dossiers", query: "" });
    expect(readHash("#dossiers?id=abc")).toEqual({ view: "dossiers", query: "id=abc" });
    expect(dossierOf("id=abc")).toBe("abc");
    expect(dossierOf("")).toBeUndefined();
  });
});

describe("the guided questions in the URL hash", () => {
  it("reads a session, its answers in the order asked", () => {
    expect(readHash("#guided")).toEqual({ view: "guided", query: "" });
    expect(readHash("#guided?date=1996-03-01&aid=atd&f.trainingPossible=false")).toEqual({ view: "guided", query: "date=1996-03-01&aid=atd&f.trainingPossible=false" });
  });
});

describe("the language in the URL hash", () => {
  it("is read from any view and set without losing the rest of the query", () => {
    expect(langOf("lang=en")).toBe("en");
    expect(langOf("id=abc&lang=fr")).toBe("fr");
    expect(langOf("lang=de")).toBeUndefined();
    expect(langOf("")).toBeUndefined();
    expect(withLang("", "en")).toBe("lang=en");
    expect(withLang("id=abc", "en")).toBe("id=abc&lang=en");
    expect(withLang("date=1996-03-01&lang=fr&f.x=1", "en")).toBe("date=1996-03-01&lang=en&f.x=1");
    expect(readHash(writeHash("plan", withLang("", "en")))).toEqual({ view: "plan", query: "lang=en" });
  });
});
