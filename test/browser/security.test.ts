/**
 * The web app under its security headers (packages/schema/src/headers.ts, served by vite preview as the API serves
 * them): scripts from its own origin only, no page framable but embed.html; the app and the iframe mode still
 * work under that policy; the iframe mode ignores a parentOrigin it does not trust instead of throwing (issue 13).
 * The /docs reference page of the API works under its own policy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AddressInfo } from "node:net";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { buildServer } from "../../apps/api/src/server.ts";
import { launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");
const messages: string[] = [];

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage();
  page.on("console", (m: ConsoleMessage) => messages.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
});
afterAll(async () => {
  await browser?.close();
});

/** What the browser refused or failed on, less the engine's attempt at `new Function` (it falls back to closures). */
const problems = () => messages.filter((m) => /^(error|pageerror)|Refused/.test(m) && !/unsafe-eval|'eval'/.test(m));

describe("security headers of the web app", () => {
  it("index.html: scripts from its origin only, never framed; embed.html: framable by https: sites and its own origin", async () => {
    const app = await fetch(baseUrl);
    const csp = app.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(app.headers.get("x-content-type-options")).toBe("nosniff");
    const embed = await fetch(new URL("embed.html", baseUrl));
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors 'self' https:");
    expect(embed.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
  });

  it("the app computes a case under that policy, with nothing refused but eval", async () => {
    messages.length = 0;
    await page.goto(`${baseUrl}#case?date=1996-03-01&aid=atd&lang=fr&f.collectiveLayoff=true&f.trainingPossible=false&f.priorHourlyWage=60.00&f.newHourlyWage=40.00&f.newMonthlyHours=169`);
    await expect.poll(() => page.locator('article[data-aid="atd"] .fne-status').textContent()).toBe("Éligible");
    expect(problems()).toEqual([]);
  });

  it("a shared link with an amount of 100,000 digits: the field's error at once, no freeze", async () => {
    const started = performance.now();
    await page.goto(`${baseUrl}#case?date=1996-03-01&aid=atd&lang=fr&f.priorHourlyWage=${"9".repeat(100_000)}`);
    await expect.poll(() => page.locator(".fne-error").first().textContent(), { timeout: 10_000 }).toMatch(/trop de chiffres/);
    expect(performance.now() - started).toBeLessThan(10_000); // it froze the page for over a minute
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "http://evil.example", "https://evil.example/path"])("the iframe mode ignores parentOrigin=%s without an error", async (parentOrigin) => {
    messages.length = 0;
    await page.goto(baseUrl);
    await page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.id = "embedded";
      f.src = src;
      document.body.append(f);
    }, `embed.html?aid=atd&lang=fr&parentOrigin=${encodeURIComponent(parentOrigin)}`);
    await expect.poll(() => page.frameLocator("#embedded").getByRole("button", { name: "Calculer" }).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(problems()).toEqual([]);
  });
});

describe("the API's /docs page in a browser", () => {
  it("renders every route from local files under its policy, and runs an example", async () => {
    const api = buildServer();
    await api.listen({ port: 0, host: "127.0.0.1" });
    try {
      messages.length = 0;
      const base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`${base}/docs`);
      await expect.poll(() => page.locator(".opblock").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
      expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:"))).toEqual([]); // no CDN
      await page.locator("#operations-default-health").click();
      await page.locator("#operations-default-health").getByRole("button", { name: "Execute" }).click();
      await expect.poll(() => page.locator("#operations-default-health .live-responses-table tbody .response-col_status").first().textContent()).toContain("200");
      expect(problems()).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
