/**
 * The loader a site includes (<script type="module" src=".../fne-calculator.js">): it only defines the custom
 * element; React, the engine and the rules load lazily, when the first <fne-calculator> is on the page.
 * Attributes: aid, lang (fr | en), date, theme (a CSS colour), api-url (evaluate with the API, else in the page).
 * Events on the element: fne:result (detail: the Result or screening), fne:error (detail: the contract's Error).
 */
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
    root.innerHTML = `<p style="all:initial;font:14px system-ui,sans-serif">${this.getAttribute("lang") === "en" ? "Loading the calculator…" : "Chargement du calculateur…"}</p>`;
    import("./widget.tsx").then(
      (m) => {
        this.loading = false;
        if (this.isConnected) this.view = m.mount(root, this);
      },
      (e: unknown) => {
        this.loading = false;
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
