/** The web app: the caseworker's case form and the employer's plan simulator, French first, English on demand. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { CaseCalculator, DossierDesk, PlanSimulator, css, dossierCss, draftFromQuery, dt, tr, type CaseDraft, type Lang } from "@fne/ui";
import { dossierOf, langOf, readHash, withLang, writeHash, type View } from "./route.ts";

/** VITE_API_URL set at build time: evaluate with the API (POST {api}/v1/evaluate); else in the page. */
const apiUrl = import.meta.env.VITE_API_URL as string | undefined;

export function App() {
  const [start, setStart] = useState(() => readHash(window.location.hash));
  const initial = useMemo(() => draftFromQuery(start.query), [start]);
  const [view, setView] = useState<View>(start.view);
  const [lang, setLang] = useState<Lang>(() => langOf(start.query) ?? initial.lang);
  const [caseQuery, setCaseQuery] = useState(start.query);
  const [dossierId, setDossierId] = useState(() => (start.view === "dossiers" ? dossierOf(start.query) : undefined));
  // The dossier screens ask the API who is signed in: only once they are first shown.
  const [dossiersShown, setDossiersShown] = useState(start.view === "dossiers");

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // A shared link opened in the same tab changes only the hash: start again from it.
  useEffect(() => {
    const onHash = () => {
      const next = readHash(window.location.hash);
      setStart(next);
      setView(next.view);
      const l = langOf(next.query);
      if (l) setLang(l);
      if (next.view === "dossiers") {
        setDossierId(dossierOf(next.query));
        setDossiersShown(true);
        return;
      }
      if (next.view === "case") setCaseQuery(next.query);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  // Every view's URL says the language, so that a link opens the page as it was read.
  const queryOf = (v: View, l: Lang, id = dossierId) =>
    withLang(v === "case" ? caseQuery : v === "dossiers" && id ? `id=${encodeURIComponent(id)}` : "", l);
  const go = (v: View) => {
    setView(v);
    if (v === "dossiers") setDossiersShown(true);
    history.replaceState(null, "", writeHash(v, queryOf(v, lang)));
  };
  const chooseLang = (l: Lang) => {
    setLang(l);
    history.replaceState(null, "", writeHash(view, queryOf(view, l)));
  };
  const openDossier = useCallback(
    (id: string | undefined) => {
      setDossierId(id);
      history.replaceState(null, "", writeHash("dossiers", withLang(id ? `id=${encodeURIComponent(id)}` : "", lang)));
    },
    [lang],
  );
  const onCompute = useCallback((_d: CaseDraft, query: string) => {
    setCaseQuery(query);
    history.replaceState(null, "", writeHash("case", query));
  }, []);

  return (
    <div className="fne fne-app" lang={lang}>
      <style>{css + dossierCss + appCss}</style>
      <header className="fne-app-head fne-noprint">
        <h1>{tr(lang, "appTitle")}</h1>
        <nav aria-label={tr(lang, "sections")}>
          {(["case", "plan"] as const).map((v) => (
            <button key={v} type="button" className="fne-tab" aria-current={view === v ? "page" : undefined} onClick={() => go(v)}>
              {tr(lang, v === "case" ? "caseworker" : "employer")}
            </button>
          ))}
          <button type="button" className="fne-tab" aria-current={view === "dossiers" ? "page" : undefined} onClick={() => go("dossiers")}>
            {dt(lang, "dossiers")}
          </button>
        </nav>
        <div className="fne-lang" role="group" aria-label={tr(lang, "language")}>
          {(["fr", "en"] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => chooseLang(l)}>
              {l === "fr" ? "Français" : "English"}
            </button>
          ))}
        </div>
      </header>
      <main className="fne-main">
        {/* Both stay mounted so that switching tabs keeps the case and the imported plan. */}
        <div hidden={view !== "case"}>
          <CaseCalculator key={start.query} lang={lang} initial={initial} onCompute={onCompute} {...(apiUrl ? { apiUrl } : {})} />
        </div>
        <div hidden={view !== "plan"}>
          <PlanSimulator lang={lang} />
        </div>
        <div hidden={view !== "dossiers"}>{dossiersShown && <DossierDesk lang={lang} dossierId={dossierId} onOpen={openDossier} />}</div>
      </main>
    </div>
  );
}

const appCss = `
.fne-app { max-width: 72rem; margin: 0 auto; padding: 0 1rem 3rem; }
.fne-app-head { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: 1rem 0; border-bottom: 3px solid var(--fne-blue); margin-bottom: 1rem; }
.fne-app-head h1 { margin: 0; flex: 1 1 auto; }
.fne-app-head nav { display: flex; gap: .25rem; }
.fne-tab { border: 1px solid var(--fne-blue); background: #fff; color: var(--fne-blue); padding: .45rem 1rem; border-radius: 4px; cursor: pointer; font-weight: 600; }
.fne-tab[aria-current="page"] { background: var(--fne-blue); color: #fff; }
.fne-lang { display: flex; gap: .25rem; }
.fne-lang button { border: 1px solid #6b7180; background: #fff; padding: .3rem .6rem; border-radius: 4px; cursor: pointer; }
.fne-lang button[aria-pressed="true"] { background: var(--fne-ink); color: #fff; border-color: var(--fne-ink); }
@media print { .fne-app { max-width: none; padding: 0; } }
`;
