/** A citation as a button that opens the article beside, at the cited version and alinéa. */
import type { Citation } from "@fne/schema";
import type { Lang } from "./i18n.ts";
import { citationLabel } from "./words.ts";

export type OnCite = (c: Citation, trigger: HTMLElement) => void;

export function CiteButton({ citation, lang, onCite }: { citation: Citation; lang: Lang; onCite: OnCite }) {
  return (
    <button type="button" className="fne-cite" onClick={(e) => onCite(citation, e.currentTarget)}>
      {citationLabel(citation, lang)}
    </button>
  );
}
