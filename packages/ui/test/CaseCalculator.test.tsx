// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { getArticle } from "@fne/engine";
import type { CaseInput } from "@fne/schema";
import { CaseCalculator } from "../src/CaseCalculator.tsx";
import { css } from "../src/styles.ts";
import { CaseError, localEvaluate, type Evaluate } from "../src/evaluator.ts";
import type { CaseDraft } from "../src/draft.ts";
import type { GetArticle } from "../src/api-client.ts";

afterEach(cleanup);

const atd: CaseDraft = {
  date: "1996-03-01",
  aid: "atd",
  lang: "fr",
  facts: { collectiveLayoff: "true", trainingPossible: "false", priorHourlyWage: "60,00", newHourlyWage: "40.00", newMonthlyHours: "169" },
};

describe("CaseCalculator", () => {
  it("labels every field from the aid's fact definitions, French first", () => {
    render(<CaseCalculator lang="fr" aid="atd" />);
    expect(screen.getByLabelText("Salaire horaire antérieur (moyenne des 3 derniers mois)")).toBeTruthy();
    expect(screen.getByLabelText(/Champ de la convention/)).toBeTruthy();
    // A boolean offers "not given", yes and no: an unknown fact leaves the case undetermined, never "no".
    const select = screen.getByLabelText("Compris dans une mesure de licenciement collectif") as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["", "true", "false"]);
  });

  it("with a preset date only (the widget), shows nothing undetermined and no missing information before the user asks", async () => {
    let calls = 0;
    const evaluate: Evaluate = async (c) => {
      calls++;
      return localEvaluate(c);
    };
    const { container } = render(<CaseCalculator lang="fr" aid="atd" lockAid date="1996-03-01" evaluate={evaluate} />);
    expect((screen.getByLabelText("Date de l'événement") as HTMLInputElement).value).toBe("1996-03-01");
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
    expect(container.querySelector(".fne-status, .fne-missing")).toBeNull();
    expect(screen.queryByText("Indéterminé")).toBeNull();
    // Acting is asking for the computation: then an incomplete case is undetermined, with what is missing.
    fireEvent.click(screen.getByRole("button", { name: "Calculer" }));
    expect(await screen.findByText("Indéterminé")).toBeTruthy();
    expect(container.querySelector(".fne-missing")).not.toBeNull();
    expect(calls).toBe(1);
  });

  it("computes a case given at start (e.g. from the URL), shows the amounts, and reports the query to keep", async () => {
    const computed: string[] = [];
    const { container } = render(<CaseCalculator lang="fr" initial={atd} onCompute={(_d, q) => computed.push(q)} />);
    // rules/atd/cases.json: (0.90 × 60 − 40) × 169 = 2366.00 F, total 19266.00 F; 19266 / 6.55957 = 2937.08 €
    await screen.findByText("Éligible");
    const total = container.querySelector('[data-amount="total"]')!;
    expect(total.querySelector("th")!.textContent).toBe("Total sur 12 mois");
    expect(total.querySelector("td")!.textContent).toBe("19\u202f266,00\u00a0F (soit 2\u202f937,08\u00a0€)");
    expect(screen.getByTestId("authority").textContent).toBe("préfet ou ministre chargé du travail, selon le champ de la convention");
    expect(computed[0]).toContain("f.priorHourlyWage=60.00");
  });

  it("shows each input error next to its field, marked invalid, and lists it at the top", async () => {
    render(<CaseCalculator lang="fr" initial={{ ...atd, date: "" }} />);
    fireEvent.change(screen.getByLabelText("Date de l'événement"), { target: { value: "1996-03-01" } });
    fireEvent.change(screen.getByLabelText("Heures mensuelles du nouvel emploi"), { target: { value: "800" } });
    fireEvent.click(screen.getByRole("button", { name: "Calculer" }));
    const input = screen.getByLabelText("Heures mensuelles du nouvel emploi");
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    const errorId = input.getAttribute("aria-describedby")!.split(" ").find((id) => id.endsWith("-err"))!;
    expect(document.getElementById(errorId)!.textContent).toBe("doit être au plus 744");
    expect(within(screen.getByRole("alert")).getByRole("button", { name: "Heures mensuelles du nouvel emploi" })).toBeTruthy();
  });

  it("uses the evaluate function it is given, and sends the language of the explanation", async () => {
    const seen: CaseInput[] = [];
    const evaluate: Evaluate = async (c) => {
      seen.push(c);
      if (seen.length === 1) throw new CaseError("invalid", [{ path: "facts.newHourlyWage", message: "custom message" }]);
      return localEvaluate(c);
    };
    const { rerender } = render(<CaseCalculator lang="fr" initial={atd} evaluate={evaluate} />);
    // A message the interface does not know: no English on the French screen, a general message in its place.
    expect(await screen.findByText("valeur non valide")).toBeTruthy();
    expect(screen.queryByText(/custom message/)).toBeNull();
    rerender(<CaseCalculator lang="en" initial={atd} evaluate={evaluate} />);
    fireEvent.click(screen.getByRole("button", { name: "Compute" }));
    expect(await screen.findByText("The worker is part of a collective layoff.")).toBeTruthy();
    expect(seen.at(-1)!.lang).toBe("en");
  });

  it("opens the cited article's text with the cited paragraph marked, and closes it with Escape", async () => {
    render(<CaseCalculator lang="fr" initial={atd} />);
    const cite = (await screen.findAllByRole("button", { name: "R322-6, al. 1" }))[0]!;
    fireEvent.click(cite);
    const dialog = screen.getByRole("dialog");
    const marked = dialog.querySelector('[aria-current="true"]')!;
    expect(marked.textContent).toMatch(/^Les conventions de coopération/);
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(cite);
  });

  it("shows an article that arrives later (from the API): a loading line, then the text", async () => {
    let release = () => {};
    const later: GetArticle = (id, date) => new Promise((r) => (release = () => r(getArticle(id, date))));
    render(<CaseCalculator lang="en" initial={{ ...atd, lang: "en" }} getArticle={later} />);
    fireEvent.click((await screen.findAllByRole("button", { name: "R322-6, para. 1" }))[0]!);
    expect(within(screen.getByRole("dialog")).getByRole("status").textContent).toBe("Loading the article's text…");
    release();
    await waitFor(() => expect(screen.getByRole("dialog").querySelector('[aria-current="true"]')!.textContent).toMatch(/^Les conventions de coopération/));
  });

  it("screens every aid when no aid is chosen, eligible ones first", async () => {
    render(<CaseCalculator lang="fr" initial={{ ...atd, aid: "" }} />);
    const toggles = await screen.findAllByRole("button", { expanded: true });
    expect(toggles[0]!.textContent).toContain("Allocation temporaire dégressive");
    expect(screen.getAllByRole("button", { expanded: false }).length).toBeGreaterThan(5);
  });
});

describe("in a shadow root (the future <fne-calculator> widget)", () => {
  it("renders with its styles inside the shadow root and computes there", async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    const container = document.createElement("div");
    shadow.append(container);
    render(
      <div className="fne">
        <style>{css}</style>
        <CaseCalculator lang="en" aid="atd" lockAid initial={{ ...atd, lang: "en" }} />
      </div>,
      { container },
    );
    const view = within(container);
    expect(await view.findByText("Eligible")).toBeTruthy();
    expect(view.queryByLabelText("Aid")).toBeNull(); // the aid is fixed by the widget
    expect(shadow.querySelector("style")!.textContent).toContain(".fne-status-eligible");
    expect(document.head.querySelector("style")).toBeNull(); // nothing written to the page's document
    host.remove();
  });
});
