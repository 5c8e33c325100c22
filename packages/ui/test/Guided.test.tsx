// @vitest-environment jsdom
/** The guided questions component: the start, an invalid answer kept in place, a resumed session, an aid set aside. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { getArticle, listAids } from "@fne/engine";
import { Guided } from "../src/Guided.tsx";
import { localEvaluate } from "../src/evaluator.ts";
import type { CaseDraft } from "../src/draft.ts";

afterEach(cleanup);

const source = { aids: listAids(), evaluate: localEvaluate, getArticle };
const href = (q: string) => `#case?${q}`;

describe("Guided", () => {
  it("asks for the date before the first question, and names the field", async () => {
    render(<Guided lang="fr" {...source} fullFormHref={href} />);
    fireEvent.click(screen.getByRole("button", { name: "Commencer" }));
    const date = screen.getByLabelText("Date de l'événement");
    await waitFor(() => expect(date.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.queryByRole("form", { name: /^Question \d+$/ })).toBeNull();
  });

  it("keeps an invalid or empty answer on its question, with the error in place", async () => {
    render(<Guided lang="fr" {...source} initial={{ date: "1996-03-01", aid: "atd", lang: "fr", facts: { collectiveLayoff: "true", trainingPossible: "false" } }} fullFormHref={href} />);
    const question = await screen.findByRole("form", { name: "Question 3" });
    fireEvent.click(screen.getByRole("button", { name: "Valider la réponse" }));
    expect(await screen.findByText("Répondez, ou choisissez « Je ne sais pas ».")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Nouveau salaire horaire"), { target: { value: "beaucoup" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider la réponse" }));
    await waitFor(() => expect(screen.getByLabelText("Nouveau salaire horaire").getAttribute("aria-invalid")).toBe("true"));
    expect(question.isConnected).toBe(true);
    expect(screen.getByRole("form", { name: "Question 3" })).toBeTruthy();
  });

  it("resumes a session with its answers listed, a skipped one as not known, and reports each answer's query", async () => {
    const queries: string[] = [];
    const initial: CaseDraft = { date: "1996-03-01", aid: "atd", lang: "fr", facts: { collectiveLayoff: "true", trainingPossible: "" } };
    render(<Guided lang="fr" {...source} initial={initial} onChange={(_d, q) => queries.push(q)} fullFormHref={href} />);
    await screen.findByRole("form", { name: "Question 3" });
    expect(screen.getByText("Non connu")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Nouveau salaire horaire"), { target: { value: "40" } });
    fireEvent.click(screen.getByRole("button", { name: "Valider la réponse" }));
    await screen.findByRole("form", { name: "Question 4" });
    expect(queries.at(-1)).toBe("date=1996-03-01&aid=atd&lang=fr&f.collectiveLayoff=true&f.trainingPossible=&f.newHourlyWage=40");
    // The full form link carries the answers given (not the skipped one).
    expect(screen.getByRole("link", { name: "Formulaire complet, avec les réponses données" }).getAttribute("href")).toBe(
      "#case?date=1996-03-01&aid=atd&lang=fr&f.collectiveLayoff=true&f.newHourlyWage=40",
    );
  });

  it("sets an aid aside in a screening: its questions are no longer asked", async () => {
    const queries: string[] = [];
    render(<Guided lang="en" {...source} initial={{ date: "1982-05-03", aid: "", lang: "en", facts: {} }} onChange={(_d, q) => queries.push(q)} fullFormHref={href} />);
    const question = await screen.findByRole("form", { name: "Question 1" });
    expect(question.querySelector("[data-fact]")!.getAttribute("data-fact")).toBe("registeredJobSeeker");
    // The four aids of R322-15 to R322-18 ask it first.
    for (const id of ["double_residence", "job_search_indemnity", "training_lodging", "transport_voucher"]) {
      const title = source.aids.find((a) => a.id === id)!.title.en;
      fireEvent.click(screen.getByRole("button", { name: `Ask no more questions for this aid: ${title}` }));
    }
    await waitFor(() => expect(screen.getByRole("form", { name: "Question 1" }).querySelector("[data-fact]")!.getAttribute("data-fact")).not.toBe("registeredJobSeeker"));
    expect(queries.at(-1)).toMatch(/&aside=/);
    expect(screen.getAllByText("Set aside").length).toBe(4);
  });
});
