/**
 * `pnpm docs`: writes the rule pages (generate.tsx) into apps/web/public (FNE_DOCS_DIR to write elsewhere), where
 * the Vite server serves them, `vite build` copies them into apps/web/dist, and the API serves them: /regles/ in
 * French, /rules/ in English. Run at install (package.json `postinstall`) and before every web build.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { getRuntime } from "@fne/engine";
import { RULE_PAGES_DIR } from "@fne/ui";
import { readMaterial } from "./cases.ts";
import { generatePages } from "./generate.tsx";

const started = performance.now();
const root = resolve(process.env.FNE_ROOT ?? process.cwd());
const out = resolve(root, process.env.FNE_DOCS_DIR ?? "apps/web/public");
const pages = generatePages({ rt: getRuntime(), material: (aid) => readMaterial(root, aid) });

// Each language's folder is written beside the old one and then swapped in, so a server never serves half of it.
for (const dir of Object.values(RULE_PAGES_DIR)) {
  const next = join(out, `.${dir}.${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  for (const p of pages.filter((x) => x.path.startsWith(`${dir}/`))) {
    const file = join(next, p.path.slice(dir.length + 1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, p.html);
  }
  const old = join(out, `.${dir}.old.${process.pid}`);
  mkdirSync(out, { recursive: true });
  try {
    renameSync(join(out, dir), old);
  } catch {
    // first run: nothing to move aside
  }
  renameSync(next, join(out, dir));
  rmSync(old, { recursive: true, force: true });
}
console.log(`rule pages: ${pages.length} written to ${out} in ${Math.round(performance.now() - started)} ms`);
