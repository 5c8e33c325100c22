/**
 * The embeddable widget in a real browser: a host page with hostile global CSS embeds <fne-calculator aid="atd">
 * (custom element, Shadow DOM, preact) and the iframe mode. Nothing is shown as undetermined before the user asks;
 * the widget computes with the engine in the page, and with the API (`api-url`: the real API's routes, no engine
 * loaded); the page's CSS does not leak in; the iframe is resized by its origin's message; axe-core finds no serious
 * or critical violation; and the built files stay within their bounds (loader 5 kB, lazy part 80 kB, gzipped).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page, Route } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { listAids } from "@fne/engine";
import { buildServer } from "../../apps/api/src/server.ts";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
let api: ReturnType<typeof buildServer>;
const baseUrl = inject("baseUrl");
const requests: string[] = [];
/** The widget is served from the web app's dist (test/browser/global-setup.ts), with the manifest of its build. */
const dist = fileURLToPath(new URL("../../apps/web/dist/widget/", import.meta.url));
/** The API the `api-url` widget calls: the real routes, reached on the page's origin under /api (no CORS, no CSP change). */
const apiUrl = new URL("api", baseUrl).href;

beforeAll(async () => {
  api = buildServer();
  await api.ready();
  browser = await launch();
  // Pages of a context (not browser.newPage()): axe-core opens a page beside them to gather its frames' results.
  page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(new URL("widget/demo.html", baseUrl).href);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const atd = listAids().find((a) => a.id === "atd")!;
const label = (fact: string, lang: "fr" | "en") => atd.facts[fact]!.label[lang];

/** The ATD case of test/golden/atd.test.ts, typed into the widget `w`, found by the aid's labels in `lang`. */
async function fillAtd(w: Locator, lang: "fr" | "en") {
  await w.getByLabel(label("collectiveLayoff", lang)).selectOption("true");
  await w.getByLabel(label("trainingPossible", lang)).selectOption("false");
  await w.getByLabel(label("priorHourlyWage", lang)).fill("60.00");
  await w.getByLabel(label("newHourlyWage", lang)).fill("40.00");
  await w.getByLabel(label("newMonthlyHours", lang)).fill("169");
}

describe("<fne-calculator>", () => {
  it("with a preset date, shows the form and nothing undetermined, no missing information, no event, before the user asks", async () => {
    const w = page.locator("fne-calculator#widget");
    await expect.poll(() => w.getByLabel(label("collectiveLayoff", "fr")).count(), { timeout: 20_000 }).toBe(1);
    expect(await w.getByLabel("Date de l'événement").inputValue()).toBe("1996-03-01");
    expect(await w.locator(".fne-status, .fne-missing, .fne-result").count()).toBe(0);
    const text = await w.evaluate((e) => e.shadowRoot!.textContent!);
    expect(text).not.toContain("Indéterminé");
    expect(text).not.toContain(`Informations manquantes`);
    // The labels are the aid's, never its facts' internal names.
    for (const name of Object.keys(atd.facts)) expect(text).not.toContain(name);
    expect(await page.locator("#events").getAttribute("data-type")).toBeNull();
  });

  it("computes an ATD case with the engine in the page and sends fne:result with the Result", async () => {
    const w = page.locator("fne-calculator#widget");
    await fillAtd(w, "fr");
    await w.getByRole("button", { name: "Calculer" }).click();
    await expect.poll(() => page.locator("#events").getAttribute("data-type")).toBe("fne:result");
    // The demo page shows the first 2000 characters of the event's detail (a Result with its working is longer):
    // the aid and the amounts come first.
    const shown = (await page.locator("#events").textContent())!.replace(/^fne:result /, "");
    const detail = { aid: /^\{"aid":"([a-z_]+)"/.exec(shown)?.[1], amounts: JSON.parse(/"amounts":(\{[^}]*\})/.exec(shown)![1]!) as Record<string, string> };
    // test/golden/atd.test.ts: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; total 19266.00
    expect(detail.aid).toBe("atd");
    expect(detail.amounts).toEqual({ monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" });
    expect(await w.locator(".fne-status").first().textContent()).toBe("Éligible");
    await page.locator("fne-calculator").screenshot({ path: artifact("widget-element.png") });
  });

  it("keeps the host page's hostile CSS out (colour, font, hidden buttons) and takes the theme colour", async () => {
    const style = await page.locator("fne-calculator").getByRole("button", { name: "Calculer" }).evaluate((b) => {
      const s = getComputedStyle(b);
      const label = getComputedStyle(b.getRootNode() instanceof ShadowRoot ? (b.getRootNode() as ShadowRoot).querySelector("label")! : b);
      return { display: s.display, background: s.backgroundColor, labelColour: label.color, labelFont: label.fontFamily };
    });
    expect(style.display).not.toBe("none");
    expect(style.labelColour).not.toBe("rgb(255, 0, 170)");
    expect(style.labelFont).not.toMatch(/Comic/);
    expect(style.background).toBe("rgb(0, 107, 95)"); // theme="#006b5f"
  });

  it("sends fne:error with the contract's issues for invalid input", async () => {
    const w = page.locator("fne-calculator#widget");
    await w.getByLabel(label("newHourlyWage", "fr")).fill("abc");
    await w.getByRole("button", { name: "Calculer" }).click();
    await expect.poll(() => page.locator("#events").getAttribute("data-type")).toBe("fne:error");
    expect(await page.locator("#events").textContent()).toContain("facts.newHourlyWage");
  });

  it("with api-url, in English: the form from GET /v1/aids, the Result from POST /v1/evaluate, and no engine loaded", async () => {
    const engineChunk = chunks().engine.map((f) => `/widget/${f}`);
    const isEngine = (u: string) => engineChunk.some((f) => new URL(u).pathname.endsWith(f));
    expect(requests.some(isEngine)).toBe(true); // the demo's widget, without api-url, loaded it
    const apiPage = await (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
    try {
      const seen: string[] = [];
      apiPage.on("request", (r) => seen.push(r.url()));
      await apiPage.route(`${apiUrl}/**`, forward);
      // A host page of its own, with only the api-url widget on it (the demo page's widget would load the engine).
      const host = new URL("widget/api-host.html", baseUrl).href;
      await apiPage.route(host, (route) => route.fulfill({ contentType: "text/html", body: apiHost(apiUrl) }));
      await apiPage.goto(host);
      const w = apiPage.locator("fne-calculator");
      await expect.poll(() => w.getByLabel(label("collectiveLayoff", "en")).count(), { timeout: 20_000 }).toBe(1);
      expect(await w.locator(".fne-status, .fne-missing, .fne-result").count()).toBe(0);
      await w.evaluate((e) => e.addEventListener("fne:result", (ev) => ((e as HTMLElement).dataset.result = JSON.stringify((ev as CustomEvent).detail))));
      await fillAtd(w, "en");
      await w.getByRole("button", { name: "Compute" }).click();
      await expect.poll(() => w.getAttribute("data-result")).toBeTruthy();
      // test/golden/atd.test.ts, as above
      expect((JSON.parse((await w.getAttribute("data-result"))!) as { amounts: unknown }).amounts).toEqual({ monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" });
      expect(await w.locator(".fne-status").first().textContent()).toBe("Eligible");
      expect(seen.filter((u) => u.startsWith(apiUrl)).map((u) => u.slice(apiUrl.length))).toEqual(["/v1/aids", "/v1/evaluate"]);
      expect(seen.filter(isEngine)).toEqual([]);
      const grave = (await new AxeBuilder({ page: apiPage }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await w.screenshot({ path: artifact("widget-api-en.png") });
    } finally {
      await apiPage.context().close();
    }
  });

  it("iframe mode: the embed page of the web app, resized by a message from its origin", async () => {
    const frame = page.frameLocator("#frame");
    await expect.poll(() => frame.getByRole("button", { name: "Calculer" }).count()).toBe(1);
    await expect.poll(async () => (await page.locator("#frame").boundingBox())!.height).toBeGreaterThan(400);
    await page.screenshot({ path: artifact("widget-demo.png"), fullPage: true });
  });

  it("the demo page (French: the widget's form with an input error, and the iframe mode) has no serious or critical accessibility violation (axe-core)", async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  it("the loader is under 5 kB gzipped and the lazy part under 80 kB, with neither the engine nor zod's full build", () => {
    const { loader, lazy, engine } = chunks();
    const rows = [
      ["loader (the script a site includes)", loader],
      ["lazy part (the form, preact, the API client)", lazy],
      ["engine chunk (without api-url only)", engine],
    ] as const;
    const measured = rows.map(([name, files]) => ({ name, files, ...weigh(files) }));
    const contents = JSON.parse(readFileSync(`${dist}.vite/chunks.json`, "utf8")) as Record<string, Record<string, number>>;
    const lazyModules = lazy.flatMap((f) => Object.entries(contents[f]!));
    console.log(
      [
        "<fne-calculator> sizes (bytes; gzip level 6 per file):",
        ...measured.map((m) => `  ${m.name.padEnd(46)} raw ${String(m.raw).padStart(8)}  gzip ${String(m.gzip).padStart(7)}  (${m.files.join(", ")})`),
        "what weighs in the lazy part (bytes before minifying):",
        ...weighers(lazyModules).map(([pkg, n]) => `  ${pkg.padEnd(20)} ${String(n).padStart(8)}`),
      ].join("\n"),
    );
    expect(measured[0]!.gzip).toBeLessThan(5 * 1024);
    expect(measured[1]!.gzip).toBeLessThan(80 * 1024);
    expect(measured[2]!.raw).toBeGreaterThan(0);
    // With api-url the API knows the aids: the form loads no rule, no engine, no @fne/schema, no zod classic.
    expect(lazyModules.map(([m]) => m).filter((m) => /^(packages\/(engine|schema)|rules)\/|^zod\/v4\/classic\//.test(m))).toEqual([]);
  });
});

/** The packages of these modules, heaviest first. */
function weighers(modules: Array<[string, number]>) {
  const by = new Map<string, number>();
  for (const [m, n] of modules) {
    const parts = m.split("/");
    const pkg = parts.slice(0, m.startsWith("zod/") ? 3 : /^(@|packages\/|apps\/)/.test(m) ? 2 : 1).join("/");
    by.set(pkg, (by.get(pkg) ?? 0) + n);
  }
  return [...by].sort((a, b) => b[1] - a[1]);
}

/** A site that embeds the widget with an api-url, in English. */
const apiHost = (url: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site with the FNE calculator</title></head>
<body><main><h1>A site with the FNE calculator</h1>
<fne-calculator aid="atd" lang="en" date="1996-03-01" api-url="${url}"></fne-calculator></main>
<script type="module" src="./fne-calculator.js"></script></body></html>`;

/** Forwards a request of the page to the API (inject: no socket). */
async function forward(route: Route) {
  const req = route.request();
  const res = await api.inject({
    method: req.method() as "GET" | "POST",
    url: req.url().slice(apiUrl.length),
    headers: req.headers(),
    ...(req.postData() !== null ? { payload: req.postData()! } : {}),
  });
  await route.fulfill({ status: res.statusCode, headers: res.headers as Record<string, string>, body: res.rawPayload });
}

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The built files by role, from vite's manifest: the loader, what it imports lazily, and what that imports lazily. */
function chunks() {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, "utf8")) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.src === "src/fne-calculator.ts")!;
  const withImports = (keys: string[], seen: Set<string>) => {
    const out: string[] = [];
    const visit = (k: string) => {
      if (seen.has(k)) return;
      seen.add(k);
      out.push(k);
      for (const i of manifest[k]!.imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return out;
  };
  const seen = new Set([entry[0]]);
  const lazy = withImports(entry[1].dynamicImports ?? [], seen);
  const engine = withImports(
    lazy.flatMap((k) => manifest[k]!.dynamicImports ?? []),
    seen,
  );
  const files = (keys: string[]) => keys.map((k) => manifest[k]!.file);
  return { loader: [entry[1].file], lazy: files(lazy), engine: files(engine) };
}

function weigh(files: readonly string[]) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(`${dist}${f}`);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}
