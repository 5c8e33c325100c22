import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { embedOrigins, pageKind, securityHeaders } from "../../packages/schema/src/headers.ts";

/**
 * The built app served with the security headers the API gives its pages (packages/schema/src/headers.ts):
 * `vite preview` and the browser tests. Not the dev server, whose module reloading needs inline scripts.
 */
const securityHeadersOnPreview = (): Plugin => ({
  name: "fne-security-headers",
  configurePreviewServer(server) {
    const api = process.env.VITE_API_URL;
    const options = { embedOrigins: embedOrigins(process.env.VITE_EMBED_ORIGINS), connect: api ? [new URL(api).origin] : [] };
    server.middlewares.use((req, res, next) => {
      for (const [name, value] of Object.entries(securityHeaders(pageKind((req.url ?? "/").split("?")[0]!), options))) res.setHeader(name, value);
      next();
    });
  },
});

export default defineConfig({
  plugins: [react(), securityHeadersOnPreview()],
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
