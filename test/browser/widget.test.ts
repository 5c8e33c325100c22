/**
 * The embeddable widget in a real browser: a host page with hostile global CSS embeds <fne-calculator aid="atd">
 * (custom element, Shadow DOM) and the iframe mode; fill the widget, read the fne:result event; check the page's
 * CSS does not leak in, the iframe is resized by its origin's message, and the loader stays under 5 kB gzipped.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(new URL("widget/demo.html", baseUrl).href);
});
afterAll(async () => {
  await browser?.close();
});

describe("<fne-calculator>", () => {
  it("computes an ATD case inside the shadow root and sends fne:result with the Result", async () => {
    const w = page.locator("fne-calculator");
    await w.getByLabel("Compris dans une mesure de licenciement collectif").selectOption("true");
    await w.getByLabel("Peut suivre un stage de formation professionnelle").selectOption("false");
    await w.getByLabel("Salaire horaire antérieur (moyenne des 3 derniers mois)").fill("60.00");
    await w.getByLabel("Nouveau salaire horaire").fill("40.00");
    await w.getByLabel("Heures mensuelles du nouvel emploi").fill("169");
    await w.getByRole("button", { name: "Calculer" }).click();
    await expect.poll(() => page.locator("#events").getAttribute("data-type")).toBe("fne:result");
    // The demo page shows the first 2000 characters of the event's detail (a Result with its working is longer):
    // the aid and the amounts come first.
    const shown = (await page.locator("#events").textContent())!.replace(/^fne:result /, "");
    const detail = { aid: /^\{"aid":"([a-z_]+)"/.exec(shown)?.[1], amounts: JSON.parse(/"amounts":(\{[^}]*\})/.exec(shown)![1]!) as Record<string, string> };
    // test/golden/atd.test.ts: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; total 19266.00
    expect(detail.aid).toBe("atd");
    expect(detail.amounts).toEqual({ monthlyFirst6: "2366.00", monthlyNext6: "845.00", total: "19266.00" });
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
    const w = page.locator("fne-calculator");
    await w.getByLabel("Nouveau salaire horaire").fill("abc");
    await w.getByRole("button", { name: "Calculer" }).click();
    await expect.poll(() => page.locator("#events").getAttribute("data-type")).toBe("fne:error");
    expect(await page.locator("#events").textContent()).toContain("facts.newHourlyWage");
  });

  it("iframe mode: the embed page of the web app, resized by a message from its origin", async () => {
    const frame = page.frameLocator("#frame");
    await expect.poll(() => frame.getByRole("button", { name: "Calculer" }).count()).toBe(1);
    await expect.poll(async () => (await page.locator("#frame").boundingBox())!.height).toBeGreaterThan(400);
    await page.screenshot({ path: artifact("widget-demo.png"), fullPage: true });
  });

  it("the loader a site includes is under 5 kB gzipped", () => {
    const loader = readFileSync(fileURLToPath(new URL("../../apps/web/dist/widget/fne-calculator.js", import.meta.url)));
    expect(gzipSync(loader).length).toBeLessThan(5 * 1024);
  });
});
