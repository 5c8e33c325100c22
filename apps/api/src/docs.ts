/**
 * GET /docs: the OpenAPI document as an interactive reference (Swagger UI, from the swagger-ui-dist package,
 * served by this server: no CDN). "Try it out" runs each route's example from examples/ against this server.
 * No inline script: the page's Content-Security-Policy allows scripts from this origin only.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import { errorBody } from "./errors.ts";

/**
 * swagger-ui-dist's folder. The bundled server (node_modules/.cache/fne-api) resolves it from the repository's
 * node_modules, where the root package.json installs it too.
 */
function swaggerUiDir(): string {
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>FNE aid calculator API: reference</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/start.js"></script>
  </body>
</html>
`;

/** Swagger UI on this server's document; "Try it out" open, no call to an outside validator. */
const START = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: new URL("openapi.json", document.baseURI).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  });
});
`;

export async function docsRoutes(api: FastifyInstance, { onRequest }: { onRequest: onRequestHookHandler }) {
  const dir = swaggerUiDir();
  const files: Record<string, { type: string; body: Buffer }> = {
    "swagger-ui.css": { type: "text/css; charset=utf-8", body: readFileSync(join(dir, "swagger-ui.css")) },
    "swagger-ui-bundle.js": { type: "text/javascript; charset=utf-8", body: readFileSync(join(dir, "swagger-ui-bundle.js")) },
    "start.js": { type: "text/javascript; charset=utf-8", body: Buffer.from(START) },
  };
  const config = { page: "docs" as const };
  api.get("/docs", { onRequest, config }, (_req, reply) => reply.type("text/html; charset=utf-8").send(PAGE));
  api.get<{ Params: { file: string } }>("/docs/:file", { onRequest, config }, (req, reply) => {
    const file = Object.hasOwn(files, req.params.file) ? files[req.params.file] : undefined;
    if (!file) {
      const message = `no file "${req.params.file}" in /docs: ${Object.keys(files).join(", ")}`;
      return reply.code(404).send(errorBody("not_found", message, [{ path: "params.file", message }]));
    }
    return reply.type(file.type).header("cache-control", "public, max-age=3600").send(file.body);
  });
}

/** The files of the page, for the OpenAPI document. */
export const DOCS_FILES = ["swagger-ui.css", "swagger-ui-bundle.js", "start.js"];
