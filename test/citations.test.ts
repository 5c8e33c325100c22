/** Every paragraph a rule cites exists in the article version it cites (alinéas counted as in rules/articles). */
import { describe, expect, it } from "vitest";
import { getArticle, getRuntime } from "@fne/engine";

const rt = getRuntime();

describe("citations point at existing alinéas", () => {
  for (const aid of rt.aids.values()) {
    for (const v of aid.versions) {
      it(v.file.id, () => {
        for (const seg of v.segments) {
          const cited = [...seg.conditions, ...seg.legalBasis, ...Object.values(seg.constants), ...(seg.authority ? [seg.authority] : [])];
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
