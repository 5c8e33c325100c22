// @vitest-environment jsdom
/**
 * The rule pages (`pnpm docs`): one per aid of the catalog and per article version, in French and English, built from
 * the loaded rules; accessible (lang, headings in order, tables with headers). served.test.ts: `pnpm docs`, the API.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { aidRules, citedVersions, getRuntime, listAids } from "@fne/engine";
import { aidPagePath, articlePagePath } from "@fne/ui";
import { readMaterial } from "../src/cases.ts";
import { generatePages, type Page } from "../src/generate.tsx";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = resolve(dirname(fileURLToPath(import.meta.url)), "fixture");
const rt = getRuntime();

let pages: Page[];
let byPath: Map<string, string>;
beforeAll(() => {
  pages = generatePages({ rt, material: (aid) => readMaterial(repo, aid) });
  byPath = new Map(pages.map((p) => [p.path, p.html]));
}, 60_000);

const parseHtml = (html: string) => new DOMParser().parseFromString(html, "text/html");
const doc = (path: string) => {
  const html = byPath.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return parseHtml(html);
};

describe("pnpm docs: a page for everything", () => {
  it("writes a page for every aid of the catalog, in French and English", () => {
    const missing = listAids().flatMap((a) => (["fr", "en"] as const).map((l) => aidPagePath(l, a.id))).filter((p) => !byPath.has(p));
    expect(missing).toEqual([]);
    expect(byPath.has("regles/atd.html") && byPath.has("rules/atd.html")).toBe(true);
  });

  it("writes a page for every article version an aid cites, and for every version in rules/articles", () => {
    const cited = new Set<string>();
    for (const a of aidRules(rt))
      for (const { file: v } of a.versions)
        for (const ref of [...v.legalBasis, ...v.conditions.map((c) => c.citation), ...Object.values(v.constants).flatMap((k) => k.values.map((x) => x.citation))])
          for (const c of citedVersions(rt, ref, v.validFrom, v.validTo)) cited.add(articlePagePath("fr", c.article, c.from));
    for (const a of rt.articles.values()) for (const v of a.versions) cited.add(articlePagePath("en", a.id, v.from));
    expect([...cited].filter((p) => !byPath.has(p))).toEqual([]);
    expect(cited.size).toBeGreaterThan(60);
  });

  it("names article versions in words, never by an internal id", () => {
    expect(doc("regles/articles/R322-7/1983-07-24.html").querySelector("h1")?.textContent).toBe("R322-7, version du 24 juillet 1983");
    expect(doc("rules/articles/R322-7/1983-07-24.html").querySelector("h1")?.textContent).toBe("R322-7, version of 24 July 1983");
    expect(doc("regles/articles/R322-6/initial.html").querySelector("h1")?.textContent).toBe("R322-6, version en vigueur jusqu'au 30 avril 2008");
    for (const p of ["regles/atd.html", "rules/temps_partiel.html"]) expect(doc(p).body.textContent).not.toMatch(/atd@|temps_partiel@|\.pay-drop/);
  });
});

describe("an aid's page", () => {
  it("shows a condition with its text and its citation, linked to the article version's paragraph", () => {
    const row = doc("regles/atd.html").querySelector('tr[data-condition="atd.pay-drop"]')!;
    expect(row.textContent).toContain("inférieur de plus de 10 %");
    const link = row.querySelector("a")!;
    expect(link.textContent).toBe("R322-6, al. 1, version en vigueur jusqu'au 30 avril 2008");
    expect(link.getAttribute("href")).toBe("articles/R322-6/initial.html#al-1");
  });

  it("shows a constant's dated values, each with its citation", () => {
    const rows = [...doc("regles/temps_partiel.html").querySelectorAll('tr[data-constant="floorYear1"]')].map((r) => r.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("11 septembre 1989");
    expect(rows[0]).toContain("22\u00a0F");
    expect(rows[1]).toContain("1er janvier 2002");
    expect(rows[1]).toContain("3,35\u00a0€");
    expect(rows[1]).toContain("Arrêté du 12 avril 1994, version du 12 avril 1994");
  });

  it("shows the parameters the formula reads with their dated series", () => {
    const d = doc("rules/asfne.html");
    const tables = [...d.querySelectorAll("table[data-parameter]")];
    expect(tables.length).toBeGreaterThan(0);
    expect(tables[0]!.querySelectorAll("tbody tr").length).toBeGreaterThan(1);
  });

  it("shows the working of a live evaluation, each constant citing its article", () => {
    const d = doc("rules/atd.html");
    const tree = d.querySelector(".fne-tree")!;
    // The first eligible golden case of rules/atd/cases.json: 0.90 × 60.00 − 40.00 = 14.00; 14.00 × 169 = 2,366.00.
    expect(tree.textContent).toContain("0.90 × 60.00 FRF − 40.00 FRF = 14.00 FRF");
    expect(tree.textContent).toMatch(/= 2,366\.00 FRF/);
    expect(tree.textContent).toContain("169 h/month");
    expect([...tree.querySelectorAll("a")].some((a) => a.getAttribute("href") === "articles/R322-6/initial.html#al-3")).toBe(true);
  });

  it("shows the aid's own golden cases and examples, evaluated live", () => {
    const d = doc("regles/atd.html");
    const rows = [...d.querySelectorAll("table[data-golden] tbody tr")];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.querySelector("td:last-child")?.textContent === "✓ identique")).toBe(true);
    expect(d.querySelector("[data-example]")?.textContent).toContain("Éligible");
  });

  it("shows the golden cases of a cases.json, evaluated live beside the expected values", () => {
    const m = readMaterial(fixture, "atd");
    expect(m.cases).toHaveLength(3);
    const fixturePages = generatePages({ rt, material: (aid) => (aid === "atd" ? m : { cases: null, examples: [] }) });
    const d = parseHtml(fixturePages.find((p) => p.path === "regles/atd.html")!.html);
    const rows = [...d.querySelectorAll("table[data-golden] tbody tr")];
    expect(rows.map((r) => r.querySelector("td:last-child")?.textContent)).toEqual(["✓ identique", "✗ différent", "✓ identique"]);
    expect(rows[0]!.textContent).toContain("2\u202f366,00\u00a0F");
    expect(rows[0]!.querySelector("pre")?.textContent).toContain("total = 6 × 2366.00 + 6 × 845.00 = 19266.00");
    expect(rows[1]!.textContent).toContain("2\u202f366,01\u00a0F");
  });

  it("refuses a cases.json that does not have the table's shape, naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "fne-docs-"));
    try {
      mkdirSync(join(dir, "rules/atd"), { recursive: true });
      writeFileSync(join(dir, "rules/atd/cases.json"), JSON.stringify({ cases: [{ name: "x", article: "R322-6", case: {}, arithmetic: [], expect: { status: "paid" } }] }));
      expect(() => readMaterial(dir, "atd")).toThrow(/cases\.json: cases\.0\.expect\.status/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an article version's page", () => {
  it("gives the paragraphs verbatim and the aids' elements that cite it", () => {
    const d = doc("regles/articles/R322-6/initial.html");
    const paragraphs = [...d.querySelectorAll("ol.fne-paragraphs li")].map((li) => li.textContent);
    const file = JSON.parse(readFileSync(join(repo, "rules/articles/R322-6.json"), "utf8")) as { versions: Array<{ paragraphs: string[] }> };
    expect(paragraphs).toEqual(file.versions[0]!.paragraphs);
    const cited = d.querySelector("#cited-by")!.parentElement!;
    expect(cited.textContent).toContain("Allocation temporaire dégressive");
    expect(cited.textContent).toContain("Ressources garanties les six premiers mois");
    expect(cited.querySelector('a[href="../../atd.html"]')).not.toBeNull();
  });
});

describe("accessibility of every page", () => {
  it("declares its language, has one h1 and headings in order, and every table has header cells", () => {
    const problems: string[] = [];
    for (const p of pages) {
      const d = parseHtml(p.html);
      const lang = p.path.startsWith("regles/") ? "fr" : "en";
      if (d.documentElement.getAttribute("lang") !== lang) problems.push(`${p.path}: lang`);
      const levels = [...d.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
      if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push(`${p.path}: one h1 first`);
      levels.forEach((l, i) => {
        if (i > 0 && l > levels[i - 1]! + 1) problems.push(`${p.path}: h${levels[i - 1]} then h${l}`);
      });
      for (const t of d.querySelectorAll("table")) if (!t.querySelector("th")) problems.push(`${p.path}: a table without headers`);
      if (!d.querySelector("title")?.textContent) problems.push(`${p.path}: title`);
    }
    expect(problems).toEqual([]);
  });
});
