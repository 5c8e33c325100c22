import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * dist/fne-calculator.js is the loader a site includes (a few kB). It imports the form (widget.tsx, @fne/ui/form)
 * when the element appears, rendered with preact/compat: React's react-dom alone weighs about 60 kB gzipped, more
 * than the whole form with preact. Without `api-url`, the form then imports the engine and the rules, a chunk of
 * its own. The sizes are enforced by test/browser/widget.test.ts, which reads the manifest and chunks.json written
 * here. @fne/schema declares "sideEffects": false: a shared component importing one constant from it (draft.ts's
 * INPUT_LIMITS) must not bring its zod schemas into the form.
 * OUT_DIR: where to build (the browser tests build into the web app's dist, to serve both from one origin).
 */
// Absolute paths: @fne/ui's sources live outside this package, where preact is not installed.
const preact = dirname(createRequire(import.meta.url).resolve("preact/package.json"));

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** .vite/chunks.json: each chunk's modules with their size before minifying, to see what weighs (and test it). */
const chunkContents = (): Plugin => ({
  name: "fne-chunk-contents",
  generateBundle(_options, bundle) {
    const chunks: Record<string, Record<string, number>> = {};
    for (const c of Object.values(bundle)) {
      if (c.type !== "chunk") continue;
      const name = (id: string) => relative(repo, id).replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, "");
      chunks[c.fileName] = Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [name(id), m.renderedLength]));
    }
    this.emitFile({ type: "asset", fileName: ".vite/chunks.json", source: JSON.stringify(chunks, null, 1) });
  },
});

export default defineConfig({
  plugins: [chunkContents()],
  base: "./",
  // The production JSX runtime whatever NODE_ENV says (vitest sets "test" for the browser tests' build): the
  // development one is aliased to nothing here and would bundle React's, which crashes on preact.
  esbuild: { jsxDev: false },
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: `${preact}/compat/client.mjs` },
      { find: /^react-dom$/, replacement: `${preact}/compat` },
      { find: /^react\/jsx-runtime$/, replacement: `${preact}/jsx-runtime` },
      { find: /^react$/, replacement: `${preact}/compat` },
    ],
  },
  build: {
    outDir: process.env.OUT_DIR ?? "dist",
    emptyOutDir: true,
    target: "es2022",
    manifest: true,
    modulePreload: { polyfill: false },
    // The engine's chunk carries every rule file and article text.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        "fne-calculator": fileURLToPath(new URL("src/fne-calculator.ts", import.meta.url)),
        demo: fileURLToPath(new URL("demo.html", import.meta.url)),
      },
      output: { entryFileNames: "[name].js", chunkFileNames: "assets/[name]-[hash].js" },
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
});
