/** rules/ stays in step with its sources: parameters equal shared/data, index.ts lists every file. */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = `${root}../shared/data/`;

describe("rules/ data", () => {
  it("rules/index.ts lists every JSON file of rules/", () => {
    expect(() => execFileSync("node", [`${root}rules/build-index.mjs`, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it.runIf(existsSync(shared))("every parameter series equals its source in shared/data", () => {
    for (const f of readdirSync(shared).filter((x) => x.endsWith(".json"))) {
      const mine = JSON.parse(readFileSync(`${root}rules/parameters/${f}`, "utf8"));
      expect(mine, f).toEqual(JSON.parse(readFileSync(`${shared}${f}`, "utf8")));
    }
  });
});
