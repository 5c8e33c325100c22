// @vitest-environment jsdom
/**
 * The widget as it is built: with preact/compat in place of React (apps/widget/vite.config.ts aliases them; here
 * vi.mock does), in a shadow root. The shared components of @fne/ui are tested with React in packages/ui/test;
 * here they run under preact: the form from the aids, nothing computed before the user asks, the evaluation with
 * the engine (no api-url) and with the API (api-url: GET /v1/aids, POST /v1/evaluate, GET /v1/articles/:id).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fireEvent, waitFor, within } from "@testing-library/dom";
import { evaluate, getArticle, InputError, listAids } from "@fne/engine";
import type { Lang } from "@fne/schema";
import { mount } from "../src/widget.tsx";

vi.mock("react", async () => await import("preact/compat"));
vi.mock("react-dom/client", async () => await import("preact/compat/client"));
vi.mock("react/jsx-runtime", async () => await import("preact/jsx-runtime"));
vi.mock("react/jsx-dev-runtime", async () => await import("preact/jsx-runtime"));

const API = "http://api.test";
/** The API's three public routes the widget calls, answered as apps/api/src/server.ts answers them (the real API, in
 * chromium, is test/browser/widget.test.ts's). */
async function apiFetch(input: string, init?: RequestInit): Promise<Response> {
  const url = new URL(input);
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  if (url.origin !== API) throw new TypeError("Failed to fetch");
  if (url.pathname === "/v1/aids") return json(200, listAids());
  if (url.pathname === "/v1/evaluate" && init?.method === "POST") {
    try {
      return json(200, evaluate(JSON.parse(String(init.body))));
    } catch (e) {
      if (e instanceof InputError) return json(400, e.toJSON());
      throw e;
    }
  }
  const article = /^\/v1\/articles\/([^/]+)$/.exec(url.pathname);
  const found = article && getArticle(decodeURIComponent(article[1]!), url.searchParams.get("date")!);
  return found ? json(200, found) : json(404, { error: { code: "not_found", message: "not found", issues: [] } });
}
beforeAll(() => {
  vi.stubGlobal("fetch", vi.fn(apiFetch));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

let unmount: () => void = () => {};
afterEach(() => {
  unmount();
  document.body.replaceChildren();
});

/** <fne-calculator>'s body as the loader mounts it, with these attributes; the events it sends are in `events`. */
function widget(attributes: Record<string, string>) {
  const host = document.createElement("div");
  for (const [k, v] of Object.entries(attributes)) host.setAttribute(k, v);
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  const events: Array<{ type: string; detail: unknown }> = [];
  for (const type of ["fne:result", "fne:error"]) host.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  const view = mount(root, host);
  unmount = view.unmount;
  return { host, root, events, update: view.update, ui: () => within(root.querySelector<HTMLElement>(".fne")!) };
}

/** Preact renders a state update in a microtask; a person's next event comes in a later task, as here. */
const nextEvent = () => new Promise((r) => setTimeout(r, 0));

const atd = listAids().find((a) => a.id === "atd")!;
const label = (fact: string, lang: Lang) => atd.facts[fact]!.label[lang];

/** The ATD case of test/golden/atd.test.ts, typed as a person would (preact listens to `input` on text fields). */
async function fillAtd(ui: ReturnType<typeof within>, lang: Lang) {
  fireEvent.change(await ui.findByLabelText(label("collectiveLayoff", lang)), { target: { value: "true" } });
  fireEvent.change(ui.getByLabelText(label("trainingPossible", lang)), { target: { value: "false" } });
  fireEvent.input(ui.getByLabelText(label("priorHourlyWage", lang)), { target: { value: "60,00" } });
  fireEvent.input(ui.getByLabelText(label("newHourlyWage", lang)), { target: { value: "40.00" } });
  fireEvent.input(ui.getByLabelText(label("newMonthlyHours", lang)), { target: { value: "169" } });
  await nextEvent();
}

// test/golden/atd.test.ts: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; 6 × 2366 + 6 × 845 = 19266.00
const ATD_AMOUNTS = { monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" };

describe("<fne-calculator> under preact/compat", () => {
  it("runs on preact, not React", async () => {
    expect((await import("react")).version).toBe((await import("preact/compat")).version);
    expect((await vi.importActual<typeof import("react")>("react")).version).toMatch(/^19\./);
  });

  it("with the engine (no api-url): the form from the aid's labels, the preset date, nothing computed before Calculer", async () => {
    const w = widget({ aid: "atd", lang: "fr", date: "1996-03-01" });
    await waitFor(() => expect(w.ui().getByLabelText(label("collectiveLayoff", "fr"))).toBeTruthy(), { timeout: 10_000 });
    const ui = w.ui();
    expect((ui.getByLabelText("Date de l'événement") as HTMLInputElement).value).toBe("1996-03-01");
    expect(w.root.querySelector(".fne-status, .fne-missing")).toBeNull();
    expect(w.events).toEqual([]);
    await fillAtd(ui, "fr");
    expect(w.events).toEqual([]); // typing is not asking
    fireEvent.click(ui.getByRole("button", { name: "Calculer" }));
    await waitFor(() => expect(w.events.map((e) => e.type)).toEqual(["fne:result"]));
    expect((w.events[0]!.detail as { amounts: unknown }).amounts).toEqual(ATD_AMOUNTS);
    expect(await ui.findByText("Éligible")).toBeTruthy();
  });

  it("with api-url: the aids, the evaluation and the cited article from the API, in English", async () => {
    vi.mocked(fetch).mockClear();
    const w = widget({ aid: "atd", lang: "en", date: "1996-03-01", "api-url": API });
    await waitFor(() => expect(w.ui().getByLabelText(label("collectiveLayoff", "en"))).toBeTruthy(), { timeout: 10_000 });
    const ui = w.ui();
    expect(w.root.querySelector(".fne-status, .fne-missing")).toBeNull();
    await fillAtd(ui, "en");
    fireEvent.click(ui.getByRole("button", { name: "Compute" }));
    await waitFor(() => expect(w.events.map((e) => e.type)).toEqual(["fne:result"]));
    expect((w.events[0]!.detail as { amounts: unknown }).amounts).toEqual(ATD_AMOUNTS);
    fireEvent.click((await ui.findAllByRole("button", { name: "R322-6, para. 1" }))[0]!);
    await waitFor(() => expect(ui.getByRole("dialog").querySelector('[aria-current="true"]')!.textContent).toMatch(/^Les conventions de coopération/));
    expect(vi.mocked(fetch).mock.calls.map(([u]) => String(u).replace(API, "").replace(/\?.*/, ""))).toEqual(["/v1/aids", "/v1/evaluate", "/v1/articles/R322-6"]);
  });

  it("with api-url: an invalid amount is the field's error, and fne:error carries the contract's issues", async () => {
    const w = widget({ aid: "atd", lang: "fr", date: "1996-03-01", "api-url": API });
    const input = await waitFor(() => w.ui().getByLabelText(label("newHourlyWage", "fr")), { timeout: 10_000 });
    fireEvent.input(input, { target: { value: "abc" } });
    await nextEvent();
    fireEvent.click(w.ui().getByRole("button", { name: "Calculer" }));
    await waitFor(() => expect(w.events.map((e) => e.type)).toEqual(["fne:error"]));
    expect(w.events[0]!.detail).toMatchObject({ error: { code: "invalid_case", issues: [{ path: "facts.newHourlyWage" }] } });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
  });

  it("a change of the lang attribute keeps what was typed and speaks the new language", async () => {
    const w = widget({ aid: "atd", lang: "fr", date: "1996-03-01" });
    const input = await waitFor(() => w.ui().getByLabelText(label("newHourlyWage", "fr")), { timeout: 10_000 });
    fireEvent.input(input, { target: { value: "40.00" } });
    await nextEvent();
    w.host.setAttribute("lang", "en");
    w.update(); // what the loader's attributeChangedCallback does
    await waitFor(() => expect((w.ui().getByLabelText(label("newHourlyWage", "en")) as HTMLInputElement).value).toBe("40.00"));
    expect(w.ui().getByRole("button", { name: "Compute" })).toBeTruthy();
  });

  it("an api-url that does not answer as the API: a message in the page's language and fne:error", async () => {
    const w = widget({ aid: "atd", lang: "en", "api-url": "http://nowhere.test" });
    await waitFor(() => expect(w.ui().getByRole("alert").textContent).toBe("The calculator could not be loaded."));
    expect(w.events).toMatchObject([{ type: "fne:error", detail: { error: { code: "load_failed" } } }]);
  });

  it("an aid the calculator does not know: said in French, and fne:error names the attribute", async () => {
    const w = widget({ aid: "atdd", lang: "fr" });
    await waitFor(() => expect(w.ui().getByRole("alert").textContent).toBe("Le calculateur ne connaît pas l'aide demandée par cette page : « atdd »"), { timeout: 10_000 });
    expect(w.events).toMatchObject([{ type: "fne:error", detail: { error: { issues: [{ path: "aid" }] } } }]);
  });
});
