/** pnpm calc --article ID [--date D]: the law timeline (rules/articles), JSON on stdout, exit 2 naming "article" or "date". */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { ErrorBody } from "@fne/schema";
import { InputError } from "@fne/engine";
import { article } from "../src/article.ts";
import { calc, root } from "./run.ts";

type AtDate = { id: string; version: { from: string | null; to: string | null; paragraphs: string[] | null }; versions: unknown[]; successor: unknown };

describe("pnpm calc --article", () => {
  it("R322-14 on 1983-07-20: the mobility premium text", () => {
    const r = calc(["--article", "R322-14", "--date", "1983-07-20"]);
    expect(r.code).toBe(0);
    const a = r.json() as unknown as AtDate;
    expect(a.id).toBe("R322-14");
    expect(a.version).toMatchObject({ from: "1977-09-07", to: "1983-07-23" });
    expect(a.version.paragraphs![3]).toContain("800 fois ni supérieur à 2.000 fois le minimum garanti");
    expect(a.successor).toMatchObject({ from: "2008-05-01" });
  });

  it("R322-14 on 1983-07-25: the renumbered text (comité supérieur de l'emploi)", () => {
    const r = calc(["--article", "R322-14", "--date", "1983-07-25"]);
    expect(r.code).toBe(0);
    const a = r.json() as unknown as AtDate;
    expect(a.version.from).toBe("1983-07-24");
    expect(a.version.paragraphs![0]).toBe("La commission permanente du comité supérieur de l'emploi comprend :");
  });

  it("without --date: every version of the article", () => {
    const r = calc(["--article", "R322-14"]);
    expect(r.code).toBe(0);
    const a = r.json() as { id: string; versions: Array<{ from: string }> };
    expect(a.versions.map((v) => v.from)).toEqual(["1977-09-07", "1983-07-24"]);
  });

  it.each([
    [["--article", "R999-9", "--date", "1983-07-20"], "article", /known: .*R322-14/],
    [["--article", "R322-14", "--date", "1977-09-06"], "date", /versions: 1977-09-07 → 1983-07-23, 1983-07-24 → 2008-04-30/],
    [["--article", "R322-14", "--date", "1983-02-30"], "date", /YYYY-MM-DD/],
  ])("exits 2 with an Error: %j", (args, path, message) => {
    const r = calc(args);
    expect(r.code).toBe(2);
    const e = ErrorBody.parse(r.json()).error;
    expect(e.issues.map((i) => i.path)).toEqual([path]);
    expect(e.issues[0]!.message).toMatch(message);
  });

  it("works for every article of rules/articles, with and without a date", () => {
    const ids = readdirSync(`${root}rules/articles`).map((f) => f.replace(/\.json$/, ""));
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const all = article(id, undefined) as { versions: Array<{ from: string | null; to: string | null }> };
      for (const v of all.versions) {
        // Each version answers on its first day (or, open-ended, on a day it covers).
        const day = v.from ?? v.to ?? "1983-07-14";
        expect((article(id, day) as AtDate).version.from, `${id} on ${day}`).toBe(v.from);
      }
    }
    expect(() => article("R322-11", "2008-05-01")).toThrow(InputError);
  });
});
