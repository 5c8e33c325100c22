/**
 * The widget's body, loaded lazily by the loader and rendered with preact/compat (the build aliases react to it): the
 * case form of @fne/ui in the element's shadow root, with its CSS there too. `:host { all: initial }` stops the
 * page's inherited styles (colour, font size) at the boundary; the page's selectors cannot reach inside a shadow root.
 * With `api-url` the aids (their facts, types and labels), the evaluation and the articles come from the API, and
 * no engine is loaded; without it the engine evaluates in the page, from a second chunk loaded here.
 */
import { useEffect, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { apiSource, CaseError, CaseForm, css, tr, type AidSource, type Evaluate, type Lang } from "@fne/ui/form";
import { useSettled } from "@fne/ui/settled";

const COLOUR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|rgb\([\d\s.,%]+\)|hsl\([\d\s.,%deg]+\))$/;

type Emit = (type: "fne:result" | "fne:error", detail: unknown) => void;

/** The error event's detail: the contract's Error shape. */
const errorDetail = (code: string, e: unknown) => ({
  error: { code, message: e instanceof Error ? e.message : String(e), issues: e instanceof CaseError ? e.issues : [] },
});

/** Where the aids come from: the API at `apiUrl`, or the engine (its own chunk, fetched now). */
function loadSource(apiUrl: string | undefined): Promise<AidSource> {
  const source = apiUrl ? apiSource(apiUrl) : import("@fne/ui/evaluator").then((m) => m.engineSource());
  // A failure is shown (and sent as fne:error) by the Widget once rendered: it is not an unhandled rejection.
  source.catch(() => undefined);
  return source;
}

interface WidgetProps {
  source: Promise<AidSource>;
  lang: Lang;
  aid: string;
  date: string | undefined;
  emit: Emit;
}

function Widget({ source, lang, aid, date, emit }: WidgetProps) {
  const loaded = useSettled(source);
  const ready = loaded.state === "done" ? loaded.value : undefined;
  const known = !aid || ready?.aids.some((a) => a.id === aid) === true;
  // Every evaluation is told to the page: the Result (or screening), or the contract's Error.
  const evaluate = useMemo(
    (): Evaluate | undefined =>
      ready &&
      (async (c) => {
        try {
          const r = await ready.evaluate(c);
          emit("fne:result", r);
          return r;
        } catch (e) {
          emit("fne:error", errorDetail(e instanceof CaseError ? "invalid_case" : "failed", e));
          throw e;
        }
      }),
    [ready, emit],
  );
  useEffect(() => {
    if (loaded.state === "failed") emit("fne:error", errorDetail("load_failed", loaded.error));
    else if (ready && !known) emit("fne:error", { error: { code: "invalid_request", message: `unknown aid "${aid}"`, issues: [{ path: "aid", message: "unknown aid" }] } });
  }, [loaded, ready, known, aid, emit]);

  if (loaded.state === "pending") return <p role="status">{tr(lang, "loadingCalculator")}</p>;
  if (!ready || !evaluate) return <p role="alert">{tr(lang, "calculatorUnavailable")}</p>;
  if (!known)
    return (
      <p role="alert">
        {tr(lang, "unknownAid")} « {aid} »
      </p>
    );
  return <CaseForm lang={lang} aid={aid} lockAid={aid !== ""} {...(date ? { date } : {})} aids={ready.aids} evaluate={evaluate} getArticle={ready.getArticle} />;
}

export function mount(root: ShadowRoot, host: HTMLElement) {
  const style = document.createElement("style");
  const theme = document.createElement("style");
  const container = document.createElement("div");
  // !important: in the cascade, the shadow root's important rules beat the page's, even `* { … !important }`.
  style.textContent = `:host { all: initial !important; display: block !important; } ${css}`;
  root.replaceChildren(style, theme, container);
  const app = createRoot(container);
  const emit: Emit = (type, detail) => host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  // Loaded once, again only when api-url changes.
  let source: { apiUrl: string | undefined; ready: Promise<AidSource> } | undefined;

  const render = () => {
    const lang: Lang = host.getAttribute("lang") === "en" ? "en" : "fr";
    const aid = host.getAttribute("aid") ?? "";
    const date = host.getAttribute("date") ?? undefined;
    const apiUrl = host.getAttribute("api-url") ?? undefined;
    const colour = host.getAttribute("theme") ?? "";
    // Only a colour value is accepted: the attribute must not become a way to inject CSS.
    theme.textContent = COLOUR.test(colour) ? `.fne { --fne-blue: ${colour}; }` : "";
    const ready = source && source.apiUrl === apiUrl ? source.ready : loadSource(apiUrl);
    source = { apiUrl, ready };
    app.render(
      <div className="fne" lang={lang}>
        <Widget key={`${aid}|${date ?? ""}|${apiUrl ?? ""}`} source={ready} lang={lang} aid={aid} date={date} emit={emit} />
      </div>,
    );
  };
  render();
  return { update: render, unmount: () => app.unmount() };
}
