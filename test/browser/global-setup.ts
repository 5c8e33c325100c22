/**
 * Browser tests: build the web app, serve the built files on 127.0.0.1 (vite preview on a free port), and hand
 * the address to the tests. Chromium is Debian's (/usr/bin/chromium; test/browser/setup.sh installs it).
 */
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

const root = fileURLToPath(new URL("../../apps/web", import.meta.url));
const widgetRoot = fileURLToPath(new URL("../../apps/widget", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  await build({ root, logLevel: "warn" });
  // The widget is served from the same origin, under /widget/ (its demo page embeds both modes).
  process.env.OUT_DIR = fileURLToPath(new URL("../../apps/web/dist/widget", import.meta.url));
  await build({ root: widgetRoot, configFile: `${widgetRoot}/vite.config.ts`, logLevel: "warn" });
  const port = await freePort();
  server = await preview({ root, logLevel: "warn", preview: { host: "127.0.0.1", port, strictPort: true } });
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
