/** The web app: the caseworker's case form (or guided questions) and the employer's plan simulator, French first, English on demand. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { ASIDE, CaseCalculator, DossierDesk, Guided, PlanSimulator, SavedPlans, dossierCss, draftFromQuery, dt, layoutCss, resolveEvaluate, tr, type CaseDraft, type Lang } from "@fne/ui";
import { engineSource } from "@fne/ui/evaluator";
import { dossierOf, langOf, readHash, savedPlanOf, withLang, writeHash, type View } from "./route.ts";

/** VITE_API_URL set at build time: evaluate with the API (POST {api}/v1/evaluate); else in the page. */
const apiUrl = import.meta.env.VITE_API_URL as string | undefined;

export function App() {
  const [start, setStart] = useState(() => readHash(window.location.hash));
  // A "#guided?…" link is the guided session's, not the case form's.
  const initial = useMemo(() => draftFromQuery(start.view === "guided" ? "" : start.query), [start]);
  const [view, setView] = useState<View>(start.view);
  const [lang, setLang] = useState<Lang>(() => langOf(start.query) ?? draftFromQuery(start.query).lang);
  const [caseQuery, setCaseQuery] = useState(start.view === "case" ? start.query : "");
  const [guided, setGuided] = useState(() => ({ key: 0, query: start.view === "guided" ? start.query : "" }));
  const guidedSource = useMemo(() => ({ ...engineSource(), evaluate: resolveEvaluate(undefined, apiUrl) }), []);
  const guidedStart = useMemo(() => {
    const aside = new URLSearchParams(guided.query).get(ASIDE);
    return guided.query ? { initial: draftFromQuery(guided.query), initialAside: aside ? aside.split(",") : [] } : {};
  }, [guided]);
  const [dossierId, setDossierId] = useState(() => (start.view === "dossiers" ? dossierOf(start.query) : undefined));
  // The dossier screens ask the API who is signed in: only once they are first shown.
  const [dossiersShown, setDossiersShown] = useState(start.view === "dossiers");
  const [planId, setPlanId] = useState(() => (start.view === "plans" ? savedPlanOf(start.query) : undefined));
  const [plansShown, setPlansShown] = useState(start.view === "plans");

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // A shared link opened in the same tab changes only the hash: start again from it.
  useEffect(() => {
    const onHash = () => {
      const next = readHash(window.location.hash);
      if (next.view === "guided") {
        // "#guided" alone comes back to the session under way; a link with answers starts that one.
        setView("guided");
        if (next.query) {
          setGuided((g) => ({ key: g.key + 1, query: next.query }));
          setLang(draftFromQuery(next.query).lang);
        }
        return;
      }
      setStart(next);
      setView(next.view);
      const l = langOf(next.query);
      if (l) setLang(l);
      if (next.view === "dossiers") {
        setDossierId(dossierOf(next.query));
        setDossiersShown(true);
        return;
      }
      if (next.view === "plans") {
        setPlanId(savedPlanOf(next.query));
        setPlansShown(true);
        return;
      }
      if (next.view === "case") setCaseQuery(next.query);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  // Every view's URL says the language, so that a link opens the page as it was read.
  const idQuery = (id: string | undefined) => (id ? `id=${encodeURIComponent(id)}` : "");
  const queryOf = (v: View, l: Lang) =>
    withLang(v === "case" ? caseQuery : v === "dossiers" ? idQuery(dossierId) : v === "plans" ? idQuery(planId) : "", l);
  const go = (v: View) => {
    setView(v);
    if (v === "dossiers") setDossiersShown(true);
    if (v === "plans") setPlansShown(true);
    history.replaceState(null, "", writeHash(v, queryOf(v, lang)));
  };
  const chooseLang = (l: Lang) => {
    setLang(l);
    history.replaceState(null, "", writeHash(view, queryOf(view, l)));
  };
  const openDossier = useCallback(
    (id: string | undefined) => {
      setDossierId(id);
      history.replaceState(null, "", writeHash("dossiers", withLang(idQuery(id), lang)));
    },
    [lang],
  );
  const openPlan = useCallback(
    (id: string | undefined) => {
      setPlanId(id);
      history.replaceState(null, "", writeHash("plans", withLang(idQuery(id), lang)));
    },
    [lang],
  );
  const onCompute = useCallback((_d: CaseDraft, query: string) => {
    setCaseQuery(query);
    history.replaceState(null, "", writeHash("case", query));
  }, []);
  const onGuided = useCallback((_d: CaseDraft, query: string) => history.replaceState(null, "", writeHash("guided", query)), []);

  const tabs: Array<{ view: View; label: string }> = [
    { view: "case", label: tr(lang, "caseworker") },
    { view: "plan", label: tr(lang, "employer") },
    { view: "dossiers", label: dt(lang, "dossiers") },
    { view: "plans", label: tr(lang, "savedPlans") },
  ];
  return (
    <div className="fne fne-app" lang={lang}>
      {/* The look is the État's design system (src/dsfr.ts); the components bring their layout only. */}
      <style>{layoutCss + dossierCss + appCss}</style>
      <div className="fr-skiplinks fne-noprint">
        <nav className="fr-container" aria-label={tr(lang, "skipLinks")}>
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#fne-content" onClick={skipTo("fne-content")}>
                {tr(lang, "skipToContent")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <header role="banner" className="fr-header fne-noprint">
        <div className="fr-header__body">
          <div className="fr-container">
            <div className="fr-header__body-row">
              <div className="fr-header__brand">
                <div className="fr-header__brand-top">
                  <div className="fr-header__logo">
                    <Marianne />
                  </div>
                </div>
                <div className="fr-header__service">
                  <p className="fr-header__service-title">{tr(lang, "appTitle")}</p>
                  <p className="fr-header__service-tagline">{tr(lang, "appTagline")}</p>
                </div>
              </div>
              <div className="fr-header__tools">
                <div className="fr-header__tools-links">
                  <ul className="fr-btns-group fne-lang" aria-label={tr(lang, "language")}>
                    {(["fr", "en"] as const).map((l) => (
                      <li key={l}>
                        <button type="button" className="fr-btn fr-btn--tertiary-no-outline" lang={l} aria-pressed={lang === l} onClick={() => chooseLang(l)}>
                          {l === "fr" ? "Français" : "English"}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="fr-header__menu fne-menu">
          <div className="fr-container">
            <nav className="fr-nav" aria-label={tr(lang, "sections")}>
              <ul className="fr-nav__list">
                {tabs.map((t) => (
                  <li key={t.view} className="fr-nav__item">
                    <a
                      className="fr-nav__link fne-tab"
                      href={writeHash(t.view, queryOf(t.view, lang))}
                      aria-current={view === t.view ? "page" : undefined}
                      onClick={(e) => {
                        e.preventDefault();
                        go(t.view);
                      }}
                    >
                      {t.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main className="fne-main fr-container" id="fne-content" tabIndex={-1}>
        <h1 className="fr-h3 fne-noprint">{tabs.find((t) => t.view === view)?.label ?? tr(lang, "guided")}</h1>
        {/* Both stay mounted so that switching tabs keeps the case and the imported plan. */}
        <div hidden={view !== "case"}>
          <p className="fne-noprint">
            <a className="fr-link" href={writeHash("guided")}>
              {tr(lang, "guidedLink")}
            </a>
          </p>
          <CaseCalculator key={start.query} lang={lang} initial={initial} onCompute={onCompute} {...(apiUrl ? { apiUrl } : {})} />
        </div>
        <div hidden={view !== "guided"}>
          <Guided key={guided.key} lang={lang} {...guidedSource} {...guidedStart} onChange={onGuided} fullFormHref={(query) => writeHash("case", query)} />
        </div>
        <div hidden={view !== "plan"}>
          <PlanSimulator lang={lang} />
        </div>
        <div hidden={view !== "dossiers"}>{dossiersShown && <DossierDesk lang={lang} dossierId={dossierId} onOpen={openDossier} />}</div>
        <div hidden={view !== "plans"}>{plansShown && <SavedPlans lang={lang} planId={planId} onOpen={openPlan} />}</div>
      </main>
      <footer className="fr-footer fne-noprint" role="contentinfo">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__brand">
              <Marianne />
            </div>
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">{tr(lang, "footerAbout")}</p>
              <ul className="fr-footer__content-list">
                <li className="fr-footer__content-item">
                  <a className="fr-footer__content-link" href="https://www.legifrance.gouv.fr" rel="noreferrer" target="_blank" title={tr(lang, "newWindow")}>
                    legifrance.gouv.fr
                  </a>
                </li>
                <li className="fr-footer__content-item">
                  <a className="fr-footer__content-link" href="https://travail-emploi.gouv.fr" rel="noreferrer" target="_blank" title={tr(lang, "newWindow")}>
                    travail-emploi.gouv.fr
                  </a>
                </li>
              </ul>
            </div>
          </div>
          <div className="fr-footer__bottom">
            <div className="fr-footer__bottom-copy">
              <p>{tr(lang, "footerLicence")}</p>
            </div>
          </div>
        </div>
      </footer>
    </div>
  );
}

/** The État's block ("République française"), in the header and the footer. */
const Marianne = () => (
  <p className="fr-logo">
    République
    <br />
    française
  </p>
);

/** The skip link moves the focus without touching the hash, which holds the page's state. */
const skipTo = (id: string) => (e: { preventDefault(): void }) => {
  e.preventDefault();
  document.getElementById(id)?.focus();
};

const appCss = `
.fne-app { background: var(--background-default-grey); }
.fne-main { padding-top: 1.5rem; padding-bottom: 3rem; }
.fne-main:focus { outline: none; }
/* The sections stay in the header on every width (the design system folds them into a menu its script opens). */
.fne-menu { display: block; }
.fne-lang { margin: 0; }
.fne-lang .fr-btn[aria-pressed="true"] { font-weight: 700; text-decoration: underline; }
@media print { .fne-main { max-width: none; padding: 0; } }
`;
