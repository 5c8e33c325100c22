/**
 * Where the generated rule pages are (`pnpm docs`, apps/docs): /regles/ in French, /rules/ in English, one page per
 * aid and per article version. The generator writes them at these paths and the result view links to them, so the
 * two cannot disagree.
 */
import { createContext, useContext } from "react";
import type { Lang } from "./i18n.ts";

export const RULE_PAGES_DIR: Record<Lang, string> = { fr: "regles", en: "rules" };

/** An article version's page is named by its first day; a version whose start our sources do not date, "initial". */
export const articleVersionSlug = (from: string | null) => from ?? "initial";

export const aidPagePath = (lang: Lang, aid: string) => `${RULE_PAGES_DIR[lang]}/${aid}.html`;
export const articlePagePath = (lang: Lang, article: string, from: string | null) => `${RULE_PAGES_DIR[lang]}/articles/${article}/${articleVersionSlug(from)}.html`;

/**
 * The address the rule pages are under: "" (beside the web app's page, which the API and the Vite server serve with
 * them), the API's address for a widget on another site, null where no server holds them (no link then).
 */
export const RulePagesBase = createContext<string | null>("");

/** The link of a rule page from `base` (RulePagesBase). */
export const rulePageHref = (base: string, path: string) => (base ? `${base.replace(/\/+$/, "")}/${path}` : path);

/** A link to a rule page, opened beside the calculator (a plan's results are not in the address); none without a base. */
export function RuleLink({ path, label }: { path: string; label: string }) {
  const base = useContext(RulePagesBase);
  if (base === null) return null;
  return (
    <p className="fne-rule-link">
      <a href={rulePageHref(base, path)} target="_blank" rel="noopener">
        {label}
      </a>
    </p>
  );
}
