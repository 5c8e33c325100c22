/**
 * A side panel (non-modal: the explanation stays usable beside it) with the text of a cited article, in the version
 * the citation names, with the cited paragraph (alinéa) marked. The text comes from `getArticle`: the engine's, at
 * once, or the API's (GET /v1/articles/:id), after a moment.
 */
import { useEffect, useMemo, useRef } from "react";
import type { Citation } from "@fne/schema";
import type { GetArticle } from "./api-client.ts";
import { tr, type Lang } from "./i18n.ts";
import { citationLabel } from "./ResultView.tsx";
import { useSettled } from "./settled.ts";

export type { GetArticle };

/** The date that selects the cited version: its start, else its end, else the case date (open both ways). */
export const citationDate = (c: Citation, caseDate: string) => c.from ?? c.to ?? caseDate;

export interface ArticlePanelProps {
  citation: Citation;
  caseDate: string;
  lang: Lang;
  onClose: () => void;
  getArticle: GetArticle;
}

const span = (from: string | null, to: string | null, lang: Lang) =>
  `${tr(lang, "from")} ${from ?? tr(lang, "openStart")} ${tr(lang, "to")} ${to ?? tr(lang, "openEnd")}`;

export function ArticlePanel({ citation, caseDate, lang, onClose, getArticle }: ArticlePanelProps) {
  const date = citationDate(citation, caseDate);
  const found = useSettled(useMemo(() => getArticle(citation.article, date), [getArticle, citation.article, date]));
  const article = found.state === "done" ? found.value : undefined;
  const closeRef = useRef<HTMLButtonElement>(null);
  const markRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, [citation]);
  useEffect(() => {
    markRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [citation, article]);
  const titleId = `fne-article-${citation.article}`;
  const v = article?.version;
  return (
    <div
      className="fne-article"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <header>
        <h2 id={titleId}>
          {tr(lang, "article")} {citationLabel(citation, lang)}
        </h2>
        <button ref={closeRef} type="button" className="fne-button" onClick={onClose}>
          {tr(lang, "close")}
        </button>
      </header>
      {found.state === "pending" && <p role="status">{tr(lang, "loadingArticle")}</p>}
      {found.state === "failed" && <p role="alert">{tr(lang, "articleUnavailable")}</p>}
      {found.state === "done" && !article && <p>{tr(lang, "articleNotFound")}</p>}
      {article && (
        <>
          <p className="fne-article-title">{article.title}</p>
          {v ? (
            <>
              <p className="fne-article-span">
                {tr(lang, "inForce")} {span(v.from, v.to, lang)}
              </p>
              {v.paragraphs ? (
                <ol className="fne-paragraphs">
                  {v.paragraphs.map((p, i) => {
                    const cited = citation.paragraph === i + 1;
                    return (
                      <li key={i} ref={cited ? markRef : undefined} className={cited ? "fne-cited" : undefined} aria-current={cited ? "true" : undefined}>
                        {p}
                      </li>
                    );
                  })}
                </ol>
              ) : (
                <p>{tr(lang, "textNotInSources")}</p>
              )}
              {v.note && <p className="fne-help">{v.note}</p>}
            </>
          ) : (
            <>
              <p>{tr(lang, "noVersionAtDate")}</p>
              <ul>
                {article.versions.map((x, i) => (
                  <li key={i}>{span(x.from, x.to, lang)}</li>
                ))}
              </ul>
            </>
          )}
          {article.successor && <p className="fne-help">{article.successor.note}</p>}
        </>
      )}
    </div>
  );
}
