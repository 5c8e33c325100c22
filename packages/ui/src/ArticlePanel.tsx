/**
 * A side panel (non-modal: the explanation stays usable beside it) with the text of a cited article, in the version
 * the citation names, with the cited paragraph (alinéa) marked. The text comes from `getArticle`: the engine's, at
 * once, or the API's (GET /v1/articles/:id), after a moment. The law's words are shown verbatim (in French, marked
 * so); around them, only what the data says in both languages (the version's dates, whether its wording is in our
 * sources, what succeeds it): the rule files' own notes, written for their maintainers, are not shown.
 */
import { useEffect, useMemo, useRef } from "react";
import type { ArticleAtDate, Citation } from "@fne/schema";
import type { GetArticle } from "./api-client.ts";
import { formatDate } from "./dates.ts";
import { fill, tr, type Lang } from "./i18n.ts";
import { useSettled } from "./settled.ts";
import { articlePagePath, RuleLink } from "./rule-pages.tsx";
import { articleName, citationLabel, versionSpan } from "./words.ts";

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

/** "Article R322-6, al. 1"; a text that is not a Code article by its name: "Arrêté du 12 avril 1994". */
function heading(c: Citation, lang: Lang) {
  const label = citationLabel(c, lang);
  return /^[LRD]\d/.test(c.article) ? `${tr(lang, "article")} ${label}` : label.charAt(0).toUpperCase() + label.slice(1);
}

/** What follows the article: its new number(s) from a date, or its end under this number. */
function successorText(s: NonNullable<ArticleAtDate["successor"]>, lang: Lang) {
  const date = formatDate(s.from, lang);
  return s.articles.length ? fill(lang, "articleSuccessor", { date, articles: s.articles.map((a) => articleName(a, lang)).join(", ") }) : fill(lang, "articleEnds", { date });
}

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
          {heading(citation, lang)}
        </h2>
        <button ref={closeRef} type="button" className="fne-button fr-btn fr-btn--secondary" onClick={onClose}>
          {tr(lang, "close")}
        </button>
      </header>
      {found.state === "pending" && <p role="status">{tr(lang, "loadingArticle")}</p>}
      {found.state === "failed" && <p role="alert">{tr(lang, "articleUnavailable")}</p>}
      {found.state === "done" && !article && <p>{tr(lang, "articleNotFound")}</p>}
      {article && (
        <>
          <p className="fne-article-title" lang="fr">
            {article.title}
          </p>
          {v ? (
            <>
              <p className="fne-article-span">
                {tr(lang, "inForce")} {versionSpan(v.from, v.to, lang)}
              </p>
              {v.from === null && <p className="fne-help">{tr(lang, "startNotDated")}</p>}
              {v.paragraphs ? (
                <ol className="fne-paragraphs" lang="fr">
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
              <RuleLink path={articlePagePath(lang, article.id, v.from)} label={tr(lang, "seeArticleVersion")} />
            </>
          ) : (
            <>
              <p>{tr(lang, "noVersionAtDate")}</p>
              <ul>
                {article.versions.map((x, i) => (
                  <li key={i}>{versionSpan(x.from, x.to, lang)}</li>
                ))}
              </ul>
            </>
          )}
          {article.successor && <p className="fne-help">{successorText(article.successor, lang)}</p>}
        </>
      )}
    </div>
  );
}
