import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * dist/fne-calculator.js is the loader a site includes (a few kB); React, the engine and the rules are a chunk it
 * imports when the element appears, rendered with React: 211 kB gzipped. WIDGET_RUNTIME=preact builds the same
 * with preact/compat (149 kB gzipped), but the form does not render with it yet (browser test times out), so
 * React stays until that is solved.
 * OUT_DIR: where to build (the browser tests build into the web app's dist, to serve both from one origin).
 */
const preact = process.env.WIDGET_RUNTIME === "preact";
// Absolute paths: @fne/ui's sources live outside this package, where preact is not installed.
const preactDir = preact ? dirname(createRequire(import.meta.url).resolve("preact/package.json")) : "";

export default defineConfig({
  plugins: [react()],
  base: "./",
  resolve: preact
    ? {
        alias: [
          { find: /^react-dom\/client$/, replacement: `${preactDir}/compat/client.mjs` },
          { find: /^react-dom$/, replacement: `${preactDir}/compat` },
          { find: /^react\/jsx-runtime$/, replacement: `${preactDir}/jsx-runtime` },
          { find: /^react$/, replacement: `${preactDir}/compat` },
        ],
      }
    : {},
  build: {
    outDir: process.env.OUT_DIR ?? "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
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
