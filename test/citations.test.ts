/** Every paragraph a rule cites exists in the article version it cites (alinéas counted as in rules/articles). */
import { describe, expect, it } from "vitest";
import { getArticle, getRuntime } from "@fne/engine";
import type { Citation } from "@fne/schema";
import { cite, versionBreaks } from "../packages/engine/src/articles.ts";

const rt = getRuntime();

describe("citations point at existing alinéas", () => {
  for (const aid of rt.aids.values()) {
    for (const v of aid.versions) {
      it(v.file.id, () => {
        // The authority is not printed with a Result, nor a constant outside the working: resolve them here, at every wording in force.
        const unprinted = [...Object.values(v.file.constants).flatMap((k) => k.values.map((x) => x.citation)), ...(v.file.authority ? [v.file.authority.citation] : [])];
        const lo = v.file.validFrom ?? "0000-01-01";
        const hi = v.file.validTo ?? "9999-12-31";
        const dates = [lo, ...versionBreaks(rt.articles, unprinted).filter((d) => d > lo && d <= hi)];
        const cited: Citation[] = [
          ...v.segments.flatMap((seg) => [...seg.conditions, ...seg.legalBasis]),
          ...dates.flatMap((d) => unprinted.map((r) => cite(rt.articles, r, d))),
        ];
        {
          for (const c of cited) {
            if (c.paragraph === undefined) continue;
            const version = rt.articles.get(c.article)!.versions.find((x) => x.from === c.from && x.to === c.to)!;
            // A text not in our sources (paragraphs null) cannot be checked.
            if (version.paragraphs === null) continue;
            expect(c.paragraph, `${c.article} (${c.from} → ${c.to})`).toBeLessThanOrEqual(version.paragraphs.length);
          }
        }
        // Interpretations are not compiled: check them against the wording in force when the rule starts.
        for (const { citation: c } of v.file.interpretations) {
          if (!c) continue;
          const at = getArticle(c.article, c.asOf ?? v.file.validFrom ?? v.file.validTo ?? "1983-07-14");
          expect(at, `${c.article} exists`).toBeDefined();
          const paragraphs = at!.version?.paragraphs;
          if (c.paragraph !== undefined && paragraphs) expect(c.paragraph, c.article).toBeLessThanOrEqual(paragraphs.length);
        }
      });
    }
  }
});
