/**
 * The loader a site includes (<script type="module" src=".../fne-calculator.js">): it only defines the custom
 * element; the form (widget.tsx, with preact) loads lazily when the first <fne-calculator> is on the page, and the
 * engine with the rules after it, only when there is no api-url.
 * Attributes: aid, lang (fr | en), date (the date the form starts with; nothing is computed before the user asks),
 * theme (a CSS colour), api-url (the aids and the evaluation from the API, else the engine in the page).
 * Events on the element: fne:result (detail: the Result or screening), fne:error (detail: the contract's Error).
 */
import { loaderText } from "@fne/ui/loader-text";

interface View {
  update(): void;
  unmount(): void;
}

class FneCalculator extends HTMLElement {
  static observedAttributes = ["aid", "lang", "date", "theme", "api-url"];
  private view: View | undefined;
  private loading = false;

  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (this.view || this.loading) return;
    this.loading = true;
    const say = (text: { fr: string; en: string }) => {
      const p = document.createElement("p");
      // Its own colours: the page's background may be dark, and this message may stay (a load failure).
      p.style.cssText = "all:initial;display:block;padding:.5rem;font:14px system-ui,sans-serif;color:#1b1b1f;background:#fff";
      p.textContent = text[this.getAttribute("lang") === "en" ? "en" : "fr"];
      root.replaceChildren(p);
    };
    say(loaderText.loadingCalculator);
    import("./widget.tsx").then(
      (m) => {
        this.loading = false;
        if (this.isConnected) this.view = m.mount(root, this);
      },
      (e: unknown) => {
        this.loading = false;
        say(loaderText.calculatorUnavailable);
        this.dispatchEvent(new CustomEvent("fne:error", { detail: { error: { code: "load_failed", message: String(e), issues: [] } }, bubbles: true, composed: true }));
      },
    );
  }

  attributeChangedCallback() {
    this.view?.update();
  }

  disconnectedCallback() {
    this.view?.unmount();
    this.view = undefined;
  }
}

if (!customElements.get("fne-calculator")) customElements.define("fne-calculator", FneCalculator);
