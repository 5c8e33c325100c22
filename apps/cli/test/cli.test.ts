/** pnpm calc: JSON on stdout only; invalid input exits 2 with an Error naming the field (CONTRACT.md). */
import { describe, expect, it } from "vitest";
import { ErrorBody, Result, Screening } from "@fne/schema";
import { calc } from "./run.ts";
import { exampleFiles } from "../../../test/examples.ts";

describe("pnpm calc", () => {
  it("prints a Result for rules/atd/examples/atd.json", () => {
    const r = calc(["rules/atd/examples/atd.json"]);
    expect(r.code).toBe(0);
    const res = Result.parse(r.json());
    // 0.90 × 50 = 45 → (45 − 40) × 169 = 845.00 ; 0.75 × 50 = 37.5 < 40 → 0.00 ; 6 × 845 = 5070.00
    expect(res.amounts).toEqual({ monthlyFirst6: "845.00", monthlyNext6: "0.00", total: "5070.00" });
  });

  it("reads a case from standard input with -", () => {
    const r = calc(["-"], JSON.stringify({ date: "1996-03-01" }));
    expect(r.code).toBe(0);
    expect(Screening.parse(r.json()).results.length).toBeGreaterThan(0);
  });

  it("every example (examples/, rules/<aid>/examples/) evaluates", () => {
    for (const f of exampleFiles()) {
      const r = calc([f]);
      // plan.json has a bad row on purpose (E003): the plan runs, exit 3 (CONTRACT.md "Plan files").
      expect(r.code, `${f}: ${r.stdout}${r.stderr}`).toBe(f === "examples/plan.json" ? 3 : 0);
    }
  }, 60_000);

  it.each([
    ["an impossible date", { aid: "atd", date: "1996-13-01" }, "date"],
    ["an unknown fact", { aid: "atd", date: "1996-03-01", facts: { newWeeklyHour: 20 } }, "facts.newWeeklyHour"],
    ["a bad type", { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: "oui" } }, "facts.collectiveLayoff"],
    ["an unknown aid", { aid: "nope", date: "1996-03-01" }, "aid"],
  ])("exits 2 with an Error for %s", (_, input, path) => {
    const r = calc(["-"], JSON.stringify(input));
    expect(r.code).toBe(2);
    const e = ErrorBody.parse(r.json()).error;
    expect(e.code).toBe("invalid_case");
    expect(e.issues.map((i) => i.path)).toContain(path);
  });

  it("exits 2 on text that is not JSON, and on a missing file", () => {
    expect(calc(["-"], "{ not json").code).toBe(2);
    const r = calc(["examples/none.json"]);
    expect(r.code).toBe(2);
    expect(ErrorBody.parse(r.json()).error.issues[0]!.path).toBe("(file)");
  });
});
