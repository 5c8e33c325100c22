// Runs a TypeScript entry point as one esbuild bundle with plain Node (built once, again only when a source
// changed). Measured on a 100,000-row plan: 2.6× faster than running the sources through tsx, whose keepNames
// wrapping and loader hooks cost more than the computation itself.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sources = ["apps", "packages", "rules"].map((d) => join(root, d));

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    if (e.name === "node_modules" || e.name === "dist") return m;
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

/** Bundle `entries` ({ name: "path/from/root.ts" }) into node_modules/.cache/<name>/ and import the first one. */
export async function runBundled(name, entries) {
  const outdir = join(root, "node_modules/.cache", name);
  const first = join(outdir, `${Object.keys(entries)[0]}.mjs`);
  if (!existsSync(first) || statSync(first).mtimeMs < Math.max(...sources.map(newest))) {
    mkdirSync(outdir, { recursive: true });
    const { build } = await import("esbuild");
    await build({
      entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
      outdir,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "error",
      // Some dependencies ship CommonJS for Node: give the ESM bundle a `require`.
      banner: { js: "import { createRequire as __fneRequire } from 'node:module'; const require = __fneRequire(import.meta.url);" },
    });
  }
  await import(pathToFileURL(first).href);
}
