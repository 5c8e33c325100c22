/**
 * The widget's body, loaded lazily by the loader: the case form of @fne/ui (one aid, or screening) in the
 * element's shadow root, with its CSS there too. `:host { all: initial }` stops the page's inherited styles
 * (colour, font size) at the boundary; the page's selectors cannot reach inside a shadow root anyway.
 */
import { createRoot } from "react-dom/client";
import { CaseCalculator, CaseError, css, resolveEvaluate, type Evaluate, type Lang } from "@fne/ui";

const COLOUR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|rgb\([\d\s.,%]+\)|hsl\([\d\s.,%deg]+\))$/;

export function mount(root: ShadowRoot, host: HTMLElement) {
  const style = document.createElement("style");
  const theme = document.createElement("style");
  const container = document.createElement("div");
  // !important: in the cascade, the shadow root's important rules beat the page's, even `* { … !important }`.
  style.textContent = `:host { all: initial !important; display: block !important; } ${css}`;
  root.replaceChildren(style, theme, container);
  const react = createRoot(container);
  const emit = (type: "fne:result" | "fne:error", detail: unknown) => host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

  const render = () => {
    const lang: Lang = host.getAttribute("lang") === "en" ? "en" : "fr";
    const aid = host.getAttribute("aid") ?? "";
    const date = host.getAttribute("date") ?? undefined;
    const apiUrl = host.getAttribute("api-url") ?? undefined;
    const colour = host.getAttribute("theme") ?? "";
    // Only a colour value is accepted: the attribute must not become a way to inject CSS.
    theme.textContent = COLOUR.test(colour) ? `.fne { --fne-blue: ${colour}; }` : "";
    const base = resolveEvaluate(undefined, apiUrl);
    const evaluate: Evaluate = async (c) => {
      try {
        const r = await base(c);
        emit("fne:result", r);
        return r;
      } catch (e) {
        const issues = e instanceof CaseError ? e.issues : [];
        emit("fne:error", { error: { code: e instanceof CaseError ? "invalid_case" : "failed", message: e instanceof Error ? e.message : String(e), issues } });
        throw e;
      }
    };
    react.render(
      <div className="fne" lang={lang}>
        <CaseCalculator key={`${aid}|${lang}|${date ?? ""}|${apiUrl ?? ""}`} lang={lang} aid={aid} lockAid={aid !== ""} {...(date ? { date } : {})} evaluate={evaluate} />
      </div>,
    );
  };
  render();
  return { update: render, unmount: () => react.unmount() };
}
