/**
 * Every word of the interface exists in both languages: for each key of the calculator's words (i18n.ts) and of the
 * dossier screens' (dossier-text.ts), a French and an English text, not empty, with the same blanks to fill.
 */
import { describe, expect, it } from "vitest";
import { dossierWords } from "../src/dossier-text.ts";
import { interfaceWords } from "../src/i18n.ts";

const blanks = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the interface's words", () => {
  for (const [name, words] of [
    ["calculator", interfaceWords()],
    ["dossiers", dossierWords()],
  ] as const) {
    it(`${name}: every key has a French and an English text, with the same blanks`, () => {
      expect(words.length).toBeGreaterThan(10);
      const wrong = words.filter((w) => typeof w.fr !== "string" || typeof w.en !== "string" || !w.fr.trim() || !w.en.trim() || blanks(w.fr).join() !== blanks(w.en).join());
      expect(wrong).toEqual([]);
    });
  }
});
