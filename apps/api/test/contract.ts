/**
 * Every answer the API tests receive is checked against the OpenAPI document with ajv, as an integrator's client
 * would: the status must be documented for that route and method (any other path or method: 404 with an Error),
 * the content type one the route declares, a JSON body valid against the declared schema, required headers present.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance, InjectOptions } from "fastify";
import { limits } from "../src/limits.ts";
import { openapiDocument } from "../src/openapi.ts";

// ajv-formats is CommonJS: its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
interface ResponseObject {
  description: string;
  content?: Record<string, { schema: Json }>;
  headers?: Record<string, { required?: boolean }>;
}

export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

const DOC_ID = "https://fne.invalid/openapi.json";

type Document = { paths: Record<string, Record<string, { responses: Record<string, ResponseObject | { $ref: string }> }>>; components: { responses: Record<string, ResponseObject> } };

export class Contract {
  readonly doc: Document;
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ReturnType<Ajv2020["compile"]>>();
  private readonly routes: Array<{ path: string; re: RegExp }>;
  /** Answers checked, by status. */
  readonly statuses = new Map<number, number>();

  /** `doc`: the document a server serves (GET /openapi.json: with a store, the dossier and job routes too); the calculator's by default. */
  constructor(doc: object = openapiDocument(limits)) {
    this.doc = doc as Document;
    this.routes = Object.keys(this.doc.paths).map((p) => ({ path: p, re: new RegExp(`^${p.replace(/\{\w+\}/g, "[^/]+")}$`) }));
    this.ajv.addSchema({ ...this.doc, $id: DOC_ID });
  }

  private validator(pointer: string) {
    let v = this.compiled.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      this.compiled.set(pointer, v);
    }
    return v;
  }

  /** Whether the document has this operation (a path of its and a method of that path). */
  documents(method: string, url: string): boolean {
    const path = url.split("?")[0]!;
    const route = this.routes.find((r) => r.re.test(path));
    return route !== undefined && this.doc.paths[route.path]![method.toLowerCase()] !== undefined;
  }

  /** Throws with the reason when the answer is not what the document says this route answers. */
  check(method: string, url: string, res: Answer): void {
    this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
    // A CORS preflight is the browser's protocol, not an operation of the API.
    if (method === "OPTIONS" && res.statusCode === 204 && res.headers["access-control-allow-methods"] !== undefined) return;
    const fail = (why: string) => {
      throw new Error(`${method} ${url.slice(0, 200)} → ${res.statusCode}: ${why}\n${res.body.slice(0, 600)}`);
    };
    const path = url.split("?")[0]!;
    const route = this.routes.find((r) => r.re.test(path));
    const operation = route && this.doc.paths[route.path]![method.toLowerCase()];
    let pointer: string;
    let response: ResponseObject;
    if (!route || !operation) {
      // Any other path or method: 404 with an Error, 429 past the rate limit (the document's description says so).
      const shared = { 404: "NotFound", 429: "TooManyRequests" }[res.statusCode];
      if (!shared) fail("an undocumented route must answer 404 (or 429)");
      pointer = `/components/responses/${shared}`;
      response = this.doc.components.responses[shared!]!;
    } else {
      const found = operation.responses[String(res.statusCode)];
      if (!found) fail(`status not documented for ${method} ${route.path}`);
      const escaped = route.path.replaceAll("~", "~0").replaceAll("/", "~1");
      pointer = `/paths/${escaped}/${method.toLowerCase()}/responses/${res.statusCode}`;
      if ("$ref" in found!) {
        pointer = found.$ref.slice(1);
        response = this.doc.components.responses[found.$ref.split("/").at(-1)!]!;
      } else response = found as ResponseObject;
    }
    for (const [name, h] of Object.entries(response.headers ?? {})) if (h.required && res.headers[name.toLowerCase()] === undefined) fail(`header ${name} missing`);
    if (method === "HEAD" || res.statusCode === 204) return;
    const type = String(res.headers["content-type"] ?? "").split(";")[0]!.trim();
    const media = response.content?.[type];
    if (!media) fail(`content type "${type}" not documented (${Object.keys(response.content ?? {}).join(", ") || "no body"})`);
    if (type !== "application/json") return;
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      fail("body is not JSON");
    }
    const validate = this.validator(`${pointer}/content/${type.replace("/", "~1")}/schema`);
    if (!validate(body)) fail(`body does not match the document: ${this.ajv.errorsText(validate.errors?.slice(0, 5))}`);
  }

  /**
   * An answer to bytes that are not a request of any route (a garbled request line): it must be one of the
   * statuses every route documents for a malformed request (400, 408, 431), with an Error body.
   */
  checkMalformed(res: Answer): void {
    const shared: Record<number, string> = { 400: "BadRequest", 408: "RequestTimeout", 431: "HeadersTooLarge" };
    const name = shared[res.statusCode];
    this.statuses.set(res.statusCode, (this.statuses.get(res.statusCode) ?? 0) + 1);
    if (!name) throw new Error(`${res.statusCode} for a malformed request: expected 400, 408 or 431\n${res.body.slice(0, 300)}`);
    const validate = this.validator(`/components/responses/${name}/content/application~1json/schema`);
    if (!validate(JSON.parse(res.body))) throw new Error(`not an Error: ${this.ajv.errorsText(validate.errors)}\n${res.body.slice(0, 300)}`);
  }

  /** app.inject, with the answer checked against the document. */
  async inject(app: FastifyInstance, options: InjectOptions | string) {
    const o = typeof options === "string" ? { method: "GET" as const, url: options } : options;
    const res = await app.inject(o);
    this.check(String(o.method ?? "GET"), String(o.url ?? "/"), { statusCode: res.statusCode, headers: res.headers, body: res.body });
    return res;
  }
}
