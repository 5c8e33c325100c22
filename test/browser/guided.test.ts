/**
 * Guided questions in a real browser, in French and in English: an ATD session answered question by question (the
 * test counts the questions), an answer changed afterwards, the full form opened with the answers, and a screening
 * whose statuses appear as the answers come; axe-core finds no serious or critical violation on a question nor on
 * the end of a session.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const words = {
  fr: { start: "Commencer", aid: "Aide", date: "Date de l'événement", question: /^Question \d+$/, confirm: "Valider la réponse", skip: "Je ne sais pas", answers: "Réponses données" },
  en: { start: "Start", aid: "Aid", date: "Event date", question: /^Question \d+$/, confirm: "Confirm the answer", skip: "I don't know", answers: "Answers given" },
} as const;
type Lang = keyof typeof words;

/** Start a session at `date` for the aid `aid` ("" = every aid). */
async function start(page: Page, lang: Lang, date: string, aid: string) {
  const form = page.getByRole("form", { name: lang === "fr" ? "Questions guidées" : "Guided questions" });
  await form.getByLabel(words[lang].date).fill(date);
  await form.getByLabel(words[lang].aid, { exact: true }).selectOption(aid);
  await form.getByRole("button", { name: words[lang].start }).click();
}

/**
 * Answer each question from `situation` (by the fact the field holds; a fact it lacks is skipped, "I don't know")
 * until none is left; after each, `after` sees the page. Returns the questions' labels, in the order asked.
 */
async function answerAll(page: Page, lang: Lang, situation: Record<string, string>, after?: () => Promise<void>) {
  const w = words[lang];
  const answers = page.getByRole("region", { name: w.answers }).locator("ol > li");
  const labels: string[] = [];
  for (;;) {
    const question = page.getByRole("form", { name: w.question });
    // Wait for the evaluation of the last answer: the next question, or the end of the session.
    await expect.poll(async () => (await question.count()) + (await page.locator(".fne-guided-end").count())).toBe(1);
    if ((await question.count()) === 0) return labels;
    expect(labels.length).toBeLessThan(40);
    labels.push((await question.locator("label").first().innerText()).trim());
    const input = question.locator("[data-fact]");
    const value = situation[(await input.getAttribute("data-fact")) ?? ""];
    if (value === undefined) await question.getByRole("button", { name: w.skip }).click();
    else {
      if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption(value);
      else await input.fill(value);
      await question.getByRole("button", { name: w.confirm }).click();
    }
    await expect.poll(() => answers.count()).toBe(labels.length);
    await after?.();
  }
}

/** A page of its own context: axe-core opens a page beside it to gather its frames' results. */
const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

async function expectAccessible(page: Page) {
  const grave = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const statusOf = (page: Page, aid: string): Locator => page.locator(`.fne-guided-statuses li[data-aid="${aid}"]`);

/*
 * ATD (R322-6), 1 March 1996. Eligibility: part of a collective layoff, cannot follow a training course, new hourly
 * pay < 0.90 × prior hourly pay (al. 1); amounts (al. 3): (rate × prior − new) × new monthly hours. The facts needed are
 * collectiveLayoff, trainingPossible, newHourlyWage, priorHourlyWage and newMonthlyHours: five, each read by a
 * condition or by the amounts, none implied by another; the scope of the convention (who decides) is optional.
 * Hence five questions, the fewest the conditions allow.
 */
const atd = { collectiveLayoff: "true", trainingPossible: "false", priorHourlyWage: "60,00", newHourlyWage: "40,00", newMonthlyHours: "169" };
const atdQuestions = {
  fr: [
    "Compris dans une mesure de licenciement collectif",
    "Peut suivre un stage de formation professionnelle",
    "Nouveau salaire horaire",
    "Salaire horaire antérieur (moyenne des 3 derniers mois)",
    "Heures mensuelles du nouvel emploi",
  ],
  en: ["Part of a collective layoff", "Can follow a vocational training course", "New hourly pay", "Prior hourly pay (average of the last 3 months)", "Monthly hours in the new job"],
};

describe("guided questions", () => {
  it("French: from the landing page, an eligible ATD in five questions; an answer changed; the full form with the answers", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.getByRole("link", { name: "Répondre aux questions une à une (questions guidées)" }).click();
    await start(page, "fr", "1996-03-01", "atd");
    expect(await page.locator(".fne-guided-situation").innerText()).toBe("Situation au 1er mars 1996 · Allocation temporaire dégressive");

    const asked = await answerAll(page, "fr", atd);
    expect(asked.length).toBe(5);
    expect(asked).toEqual(atdQuestions.fr);
    const status = statusOf(page, "atd");
    expect(await status.getAttribute("data-status")).toBe("eligible");
    // test/golden/atd.test.ts: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; 6 × 2366 + 6 × 845 = 19266.00
    expect(await status.locator('[data-amount="monthlyFirst6"] dd').innerText()).toContain("2\u202f366,00\u00a0F");
    expect(await status.locator('[data-amount="total"] dd').innerText()).toContain("19\u202f266,00\u00a0F");
    expect(await page.locator(".fne-guided-end").innerText()).toBe("Toutes les aides demandées sont tranchées.");
    expect(page.url()).toContain("#guided?date=1996-03-01&aid=atd&lang=fr&f.collectiveLayoff=true");
    await page.screenshot({ path: artifact("guided-atd-fr.png"), fullPage: true });
    await expectAccessible(page);

    // Going back: the new pay becomes 50,00; (0.90 × 60 − 50) × 169 = 4 × 169 = 676.00, re-evaluated at once.
    await page.getByRole("button", { name: /^Modifier.*Nouveau salaire horaire$/ }).click();
    const edit = page.getByRole("form", { name: "Nouveau salaire horaire" });
    await edit.getByLabel("Nouveau salaire horaire").fill("50,00");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => status.locator('[data-amount="monthlyFirst6"] dd').innerText()).toContain("676,00\u00a0F");
    expect(await page.locator('[data-answer="newHourlyWage"] .fne-guided-value').innerText()).toBe("50,00\u00a0F");
    expect(await page.getByRole("region", { name: "Réponses données" }).locator("ol > li").count()).toBe(5);

    // The full form, one click away, holds the answers and computes them.
    await page.getByRole("link", { name: "Formulaire complet, avec les réponses données" }).click();
    const form = page.getByRole("form", { name: "Dossier individuel" });
    await expect.poll(() => form.isVisible()).toBe(true);
    expect(await form.getByLabel("Nouveau salaire horaire").inputValue()).toBe("50.00");
    await expect.poll(() => page.locator('article[data-aid="atd"] .fne-status').first().textContent()).toBe("Éligible");
    await page.context().close();
  });

  it("English: the same ATD session asks the same five questions", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}#guided?lang=en`);
    await start(page, "en", "1996-03-01", "atd");
    expect(await page.locator(".fne-guided-situation").innerText()).toBe("Situation on 1 March 1996 · Temporary degressive allowance");
    const asked = await answerAll(page, "en", { ...atd, priorHourlyWage: "60.00", newHourlyWage: "40.00" });
    expect(asked.length).toBe(5);
    expect(asked).toEqual(atdQuestions.en);
    const status = statusOf(page, "atd");
    expect(await status.getAttribute("data-status")).toBe("eligible");
    expect(await status.locator('[data-amount="monthlyFirst6"] dd').innerText()).toContain("2,366.00\u00a0F");
    expect(await page.locator('[data-answer="collectiveLayoff"] .fne-guided-value').innerText()).toBe("Yes");
    // An unmet condition ends the session at once: the layoff was not collective.
    await page.getByRole("button", { name: "Change: Part of a collective layoff", exact: true }).click();
    await page.getByRole("form", { name: "Part of a collective layoff" }).getByLabel("Part of a collective layoff").selectOption("false");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => status.getAttribute("data-status")).toBe("ineligible");
    await page.context().close();
  });

  for (const lang of ["fr", "en"] as const) {
    it(`${lang}: a screening of a mobility case shows each aid's status as the answers come`, async () => {
      const page = await newPage();
      await page.goto(`${baseUrl}#guided?lang=${lang}`);
      // A registered job seeker summoned by the ANPE to an interview far from home, 3 May 1982 (R322-15).
      await start(page, lang, "1982-05-03", "");
      const situation = {
        registeredJobSeeker: "true",
        economicLayoff: "false",
        collectiveLayoff: "false",
        hasFamilyCharge: "false",
        jobOfferExists: "false",
        category: "job_seeker",
        registeredOrCollectiveLayoff: "true",
        trainingFollowedOrExempted: "false",
        employmentConditionsChanged: "false",
        paidTraining: "false",
        summonedByAgency: "true",
        travelExceedsMinimum: "true",
      };
      const statuses = page.locator(".fne-guided-statuses li[data-status]");
      const decided = async () => (await statuses.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))).filter((s) => s !== "undetermined").length;
      expect(await decided()).toBe(0);
      await expect.poll(() => page.getByRole("form", { name: "Question 1" }).count()).toBe(1);
      await expectAccessible(page);
      const seen: number[] = [];
      const voucherAt: string[] = [];
      await answerAll(page, lang, situation, async () => {
        seen.push(await decided());
        voucherAt.push((await statusOf(page, "transport_voucher").getAttribute("data-status")) ?? "");
      });
      // Statuses appear one answer after another, never all at the end: the count of decided aids rises step by step.
      expect(new Set(seen).size).toBeGreaterThanOrEqual(5);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(voucherAt.indexOf("eligible")).toBeGreaterThan(0);
      expect(voucherAt.at(-1)).toBe("eligible");
      expect(await statusOf(page, "atd").getAttribute("data-status")).toBe("ineligible");
      await page.screenshot({ path: artifact(`guided-screening-${lang}.png`), fullPage: true });
      await page.context().close();
    });
  }
});
