/**
 * GET /openapi.json as an integrator at another company uses it: a valid OpenAPI 3.1 document listing every route
 * the server has; a client generated from it with openapi-typescript (used through openapi-fetch) accepts every
 * example of examples/ as its request and refuses a misspelt fact and a malformed plan employee; every example runs.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { listAids } from "@fne/engine";
import { buildServer } from "../src/server.ts";
import { examples } from "../src/examples.ts";
import { MONITORING_ROUTES } from "../src/limits.ts";
import { Contract } from "./contract.ts";

const root = new URL("../../../", import.meta.url).pathname;
const here = dirname(fileURLToPath(import.meta.url));
const contract = new Contract();
type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>; components: { schemas: Record<string, Record<string, unknown>> } } & Record<string, unknown>;

/** The server's routes, as Fastify registers them (HEAD included: Fastify's automatic twin of GET), and its document. */
async function serverRoutes() {
  const app = buildServer();
  const routes: string[] = [];
  app.addHook("onRoute", (r) => {
    for (const m of [r.method].flat()) routes.push(`${m} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
  });
  await app.ready();
  const doc = (await contract.inject(app, "/openapi.json")).json() as Doc;
  await app.close();
  return { routes, doc };
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document, with a server", async () => {
    const { doc } = await serverRoutes();
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/", description: expect.any(String) }]);
  });

  it("documents exactly the routes the server has, HEAD included", async () => {
    const { routes, doc } = await serverRoutes();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it("lists every status a route answers: 4xx on every route, 404 where an id may be unknown, Retry-After on 429", async () => {
    const { doc } = await serverRoutes();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops) as Array<[string, { responses: Record<string, unknown> }]>) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(["200", "400", "408", "431", "500"]));
        // The rate limit applies everywhere but on the monitoring routes.
        if (MONITORING_ROUTES.includes(path)) expect(statuses).not.toContain("429");
        else expect(statuses).toContain("429");
        if (method === "post") expect(statuses).toEqual(expect.arrayContaining(["413", "415"]));
        if (path.includes("{")) expect(statuses).toContain("404");
      }
    }
    expect((doc.components as unknown as { responses: Record<string, { headers?: Record<string, { required: boolean }> }> }).responses.TooManyRequests!.headers!["Retry-After"]!.required).toBe(true);
  });

  it("each aid is a variant on `aid`: its facts with types, units, ranges and labels, its amounts", async () => {
    const { doc } = await serverRoutes();
    const s = doc.components.schemas;
    const aids = listAids();
    expect((s.AidCase!.discriminator as { propertyName: string }).propertyName).toBe("aid");
    expect((s.AidCase!.oneOf as unknown[]).length).toBe(aids.length);
    const atd = s.Facts_atd as { properties: Record<string, Record<string, unknown>>; additionalProperties: boolean; required?: string[] };
    expect(atd.additionalProperties).toBe(false);
    expect(atd.required ?? []).toEqual([]);
    expect(atd.properties.priorHourlyWage).toMatchObject({ minimum: 0, "x-unit": expect.stringContaining("FRF"), "x-label": { fr: expect.any(String), en: expect.any(String) } });
    expect(atd.properties.newMonthlyHours).toMatchObject({ minimum: 0, maximum: 744, "x-unit": "h/mois" });
    const caseAtd = s.Case_atd as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(caseAtd.required.sort()).toEqual(["aid", "date"]); // facts is not required, and has no default
    expect(caseAtd.properties.date).toMatchObject({ format: "date" });
    expect(JSON.stringify(s.Case_atd)).not.toContain('"default"');
    const resultAtd = s.Result_atd as { properties: { amounts: { properties: Record<string, unknown> } } };
    expect(Object.keys(resultAtd.properties.amounts.properties).sort()).toEqual(["monthlyFirst6", "monthlyNext6", "total"]);
    expect((s.Plan as { properties: { employees: { items: unknown } } }).properties.employees.items).toEqual({ $ref: "#/components/schemas/PlanEmployee" });
    expect(s.Result!.oneOf).toHaveLength(aids.length);
  });

  it("describes the plan files: CSV and spreadsheet bodies, their query and cell rules", async () => {
    const { doc } = await serverRoutes();
    const plans = doc.paths["/v1/plans"]!.post as unknown as { requestBody: { content: Record<string, { schema: { description?: string } }> }; parameters: Array<{ name: string }> };
    expect(Object.keys(plans.requestBody.content)).toEqual(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(plans.requestBody.content["text/csv"]!.schema.description).toMatch(/decimal commas.*oui\/non|empty cell/s);
    expect(plans.parameters.map((p) => p.name).sort()).toEqual(["date", "detail", "headcount", "lang", "proposesCRP"]);
  });

  it("the document's response checker refuses answers outside the document", () => {
    const ok = { statusCode: 200, headers: { "content-type": "application/json" }, body: '{"status":"ok"}' };
    expect(() => contract.check("GET", "/health", ok)).not.toThrow();
    expect(() => contract.check("GET", "/health", { ...ok, body: '{"status":"down"}' })).toThrow(/does not match/);
    expect(() => contract.check("GET", "/health", { ...ok, statusCode: 418 })).toThrow(/not documented/);
    expect(() => contract.check("POST", "/v1/evaluate", { statusCode: 400, headers: ok.headers, body: '{"error":"Bad Request","message":"Client Error","statusCode":400}' })).toThrow(/does not match/);
    expect(() => contract.check("GET", "/nowhere", { ...ok, statusCode: 200 })).toThrow(/404/);
  });
});

describe("examples/ as the document's runnable examples (/docs)", () => {
  it("every file of examples/ is in the document", () => {
    const files = readdirSync(`${root}examples`).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
    expect([...Object.keys(examples.cases), "plan"].sort()).toEqual(files.sort());
    for (const f of files) expect(JSON.parse(readFileSync(`${root}examples/${f}.json`, "utf8"))).toEqual(f === "plan" ? examples.plan : examples.cases[f as keyof typeof examples.cases]);
  });

  it("each example runs: 200 from its route, checked against the document", async () => {
    const app = buildServer();
    try {
      for (const c of Object.values(examples.cases)) expect((await contract.inject(app, { method: "POST", url: "/v1/evaluate", payload: c })).statusCode).toBe(200);
      expect((await contract.inject(app, { method: "POST", url: "/v1/plans", payload: examples.plan })).statusCode).toBe(200);
      const csv = await contract.inject(app, { method: "POST", url: "/v1/plans?date=2006-10-02&headcount=250&proposesCRP=true", headers: { "content-type": "text/csv" }, payload: examples.csv });
      expect(csv.statusCode).toBe(200);
      expect(csv.json().counts.invalid).toBe(0);
      const { doc } = await serverRoutes();
      for (const [path, ops] of Object.entries(doc.paths)) {
        const get = ops.get as { parameters?: Array<{ name: string; in: string; example?: string; schema: { enum?: string[] } }> } | undefined;
        if (!get) continue;
        let url = path;
        const query: string[] = [];
        for (const p of get.parameters ?? []) {
          const value = p.example ?? p.schema.enum?.[0];
          if (p.in === "path") url = url.replace(`{${p.name}}`, value!);
          else query.push(`${p.name}=${value}`);
        }
        expect((await contract.inject(app, `${url}${query.length ? `?${query.join("&")}` : ""}`)).statusCode, url).toBe(200);
      }
    } finally {
      await app.close();
    }
  });
});

// ---- a client generated by openapi-typescript, type-checked with TypeScript -------------------------------------

/**
 * Type-checks `files` (virtual, beside this test so that openapi-fetch resolves) with strict settings: the
 * diagnostics by file, each with the source text it points at.
 */
function typeCheck(files: Record<string, string>): Record<string, string[]> {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] };
  const paths = Object.fromEntries(Object.entries(files).map(([name, text]) => [join(here, "__generated__", name), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  const dir = join(here, "__generated__");
  host.directoryExists = (d) => d === dir || ts.sys.directoryExists(d);
  host.fileExists = (f) => f in paths || fileExists(f);
  host.readFile = (f) => paths[f] ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => (f in paths ? ts.createSourceFile(f, paths[f]!, lang) : getSourceFile(f, lang, ...rest));
  const program = ts.createProgram(Object.keys(paths).filter((f) => f.endsWith(".ts")), options, host);
  const out: Record<string, string[]> = {};
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file ? d.file.fileName.split("/").at(-1)! : "(global)";
    const at = d.file && d.start !== undefined ? ` [at ${d.file.text.slice(d.start, d.start + (d.length ?? 0))}]` : "";
    (out[name] ??= []).push(ts.flattenDiagnosticMessageText(d.messageText, "\n") + at);
  }
  return out;
}

describe("a client generated with openapi-typescript", { timeout: 120_000 }, () => {
  it("accepts every example as its request type, and refuses a misspelt fact and a malformed employee", async () => {
    const { doc } = await serverRoutes();
    const api = astToString(await openapiTS(doc as never));
    const json = (x: unknown) => JSON.stringify(x, null, 2);
    const caseCalls = Object.entries(examples.cases)
      .map(([name, c]) => `// examples/${name}.json\nawait client.POST("/v1/evaluate", { body: ${json(c)} });`)
      .join("\n");
    const spelt = (name: string) => ({ aid: "atd", date: "1996-03-01", facts: { [name]: "50.00" } });
    const files = {
      "api.d.ts": api,
      "examples.ts": `import createClient from "openapi-fetch";
import type { paths } from "./api";
const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8787" });
${caseCalls}
// examples/plan.json
await client.POST("/v1/plans", { body: ${json(examples.plan)} });
await client.GET("/v1/articles/{id}", { params: { path: { id: "R322-6" }, query: { date: "1996-03-01" } } });
await client.GET("/v1/aids");
export {};
`,
      "misspelt-fact.ts": `import type { paths } from "./api";
type CaseBody = paths["/v1/evaluate"]["post"]["requestBody"]["content"]["application/json"];
export const c: CaseBody = ${json(spelt("priorHourlyWag"))};
`,
      "well-spelt-fact.ts": `import type { paths } from "./api";
type CaseBody = paths["/v1/evaluate"]["post"]["requestBody"]["content"]["application/json"];
export const c: CaseBody = ${json(spelt("priorHourlyWage"))};
`,
      "malformed-employee.ts": `import type { paths } from "./api";
type PlanBody = paths["/v1/plans"]["post"]["requestBody"]["content"]["application/json"];
export const p: PlanBody = { date: "2006-10-02", employer: { headcount: 250 }, employees: [{ idd: 1 }, 42] };
`,
      "money-as-object.ts": `import type { paths } from "./api";
type CaseBody = paths["/v1/evaluate"]["post"]["requestBody"]["content"]["application/json"];
export const c: CaseBody = { aid: "atd", date: "1996-03-01", facts: { priorHourlyWage: { value: 50 } } };
`,
      "without-facts.ts": `import type { paths } from "./api";
type CaseBody = paths["/v1/evaluate"]["post"]["requestBody"]["content"]["application/json"];
export const c: CaseBody = { aid: "atd", date: "1996-03-01" };
export const s: CaseBody = { date: "1996-03-01" };
`,
    };
    const errors = typeCheck(files);
    expect(errors["examples.ts"], (errors["examples.ts"] ?? []).join("\n")).toBeUndefined();
    expect(errors["api.d.ts"]).toBeUndefined();
    expect(errors["without-facts.ts"], (errors["without-facts.ts"] ?? []).join("\n")).toBeUndefined();
    expect(errors["well-spelt-fact.ts"]).toBeUndefined();
    expect(errors["misspelt-fact.ts"]?.join("\n")).toMatch(/\[at "priorHourlyWag"\]/);
    expect(errors["malformed-employee.ts"]?.join("\n")).toMatch(/\[at (idd|42)\]/);
    expect(errors["money-as-object.ts"]?.join("\n")).toMatch(/\[at priorHourlyWage\]/);
  });
});
