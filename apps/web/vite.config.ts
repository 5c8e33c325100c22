import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: the built app can be served from any folder (or opened from a static host).
  base: "./",
  worker: { format: "es" },
  build: {
    target: "es2022",
    // The engine carries every rule file and article text: one chunk of about 1 MB (220 kB gzipped) is expected.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // index.html: the app; embed.html: the calculator alone, for the widget's iframe mode.
      input: { main: fileURLToPath(new URL("index.html", import.meta.url)), embed: fileURLToPath(new URL("embed.html", import.meta.url)) },
      onwarn(warning, warn) {
        // zod's sources place /*@__PURE__*/ comments Rollup cannot use; harmless, and not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
});
