/** rules/ stays in step with its sources: parameters equal shared/data, index.ts lists every file. */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluate, evaluatePlan } from "@fne/engine";
import { rulesVersion } from "@fne/rules";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = `${root}../shared/data/`;

describe("rules/ data", () => {
  it("rulesVersion is the newest changelog entry and a content hash, on every Result and PlanResult", () => {
    const newest = /^## (\d+\.\d+\.\d+)/m.exec(readFileSync(`${root}rules/CHANGELOG.md`, "utf8"))![1];
    expect(rulesVersion).toMatch(new RegExp(`^${newest!.replace(/\./g, "\\.")}\\+[0-9a-f]{12}$`));
    const c = { aid: "atd", date: "1996-03-01", facts: {} };
    expect(evaluate(c)).toMatchObject({ rulesVersion });
    expect(evaluate({ date: "1996-03-01" })).toMatchObject({ rulesVersion });
    expect(evaluate({ aid: "atd", date: "1900-01-01" })).toMatchObject({ rulesVersion });
    expect(evaluatePlan({ date: "2006-10-02", employer: { headcount: 10 }, employees: [] })).toMatchObject({ rulesVersion });
  });

  it("rules/index.ts lists every JSON file of rules/ and the current rulesVersion", () => {
    expect(() => execFileSync("node", [`${root}rules/build-index.mjs`, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("rulesVersion hashes every rule file, every aid's formula and golden cases, and rules/aids.ts", () => {
    const hashed = execFileSync("node", [`${root}rules/build-index.mjs`, "--hashed"], { encoding: "utf8" }).trim().split("\n");
    const aids = readdirSync(`${root}rules`, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(`${root}rules/${d.name}/aid.json`));
    expect(aids.length).toBeGreaterThan(0);
    for (const { name } of aids) {
      for (const f of readdirSync(`${root}rules/${name}`).filter((x) => x.endsWith(".json") || x === "formula.ts")) expect(hashed).toContain(`rules/${name}/${f}`);
      expect(hashed).toContain(`rules/${name}/formula.ts`);
      expect(hashed).toContain(`rules/${name}/cases.json`);
    }
    expect(hashed).toContain("rules/aids.ts");
  });

  it.runIf(existsSync(shared))("every parameter series equals its source in shared/data", () => {
    for (const f of readdirSync(shared).filter((x) => x.endsWith(".json"))) {
      const mine = JSON.parse(readFileSync(`${root}rules/parameters/${f}`, "utf8"));
      expect(mine, f).toEqual(JSON.parse(readFileSync(`${shared}${f}`, "utf8")));
    }
  });
});
