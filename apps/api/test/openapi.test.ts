/** GET /openapi.json is a valid OpenAPI 3.1 document, lists every route the server has, and matches its answers. */
import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { buildServer } from "../src/server.ts";

/** The server's routes, as Fastify registers them (HEAD is Fastify's automatic twin of GET). */
async function serverRoutes() {
  const app = buildServer();
  const routes: string[] = [];
  app.addHook("onRoute", (r) => {
    for (const m of [r.method].flat()) if (m !== "HEAD") routes.push(`${m} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
  });
  await app.ready();
  const doc = (await app.inject("/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  await app.close();
  return { routes, doc };
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI document", async () => {
    const { doc } = await serverRoutes();
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("documents exactly the routes the server has", async () => {
    const { routes, doc } = await serverRoutes();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it("describes bodies and answers with the contract's shapes", async () => {
    const { doc } = await serverRoutes();
    const { components } = doc as unknown as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(["Case", "Result", "Screening", "Error", "AidDescription", "ArticleAtDate", "ParameterAtDate"]));
    expect(components.schemas.Case!.required).toEqual(["date"]);
    expect(Object.keys(components.schemas.Result!.properties!)).toEqual(expect.arrayContaining(["aid", "status", "amounts", "reasons", "legalBasis"]));
  });
});
