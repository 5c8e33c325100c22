/**
 * The built web app (apps/web/dist), served by the API itself when it exists: the page and the API then share
 * one origin, so the session cookie can be SameSite=Strict and no CORS is needed for it. And the rule pages
 * (`pnpm docs`, written at install into apps/web/public): /regles/ in French, /rules/ in English.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The folders of the rule pages, French and English (packages/ui rule-pages.tsx, whose links point at them). */
const RULE_PAGES = ["regles", "rules"] as const;

/** FNE_WEB_DIR, else apps/web/dist from where `pnpm api` runs (the repository root); undefined when not built. */
export function webDir(env: Record<string, string | undefined>, cwd = process.cwd()): string | undefined {
  const dir = resolve(cwd, env.FNE_WEB_DIR ?? "apps/web/dist");
  return existsSync(join(dir, "index.html")) ? dir : undefined;
}

/**
 * FNE_DOCS_DIR, else apps/web/public (where `pnpm docs` writes, at install), else the built web app (a copy, in the
 * image): the folder holding regles/ and rules/; undefined when not generated.
 */
export function docsDir(env: Record<string, string | undefined>, cwd = process.cwd()): string | undefined {
  const dirs = env.FNE_DOCS_DIR ? [env.FNE_DOCS_DIR] : ["apps/web/public", "apps/web/dist"];
  return dirs.map((d) => resolve(cwd, d)).find((d) => existsSync(join(d, "regles", "index.html")));
}

/** The rule pages of `root` at /regles/… and /rules/…; "/regles/atd" finds atd.html. */
export async function rulePages(api: FastifyInstance, { root }: { root: string }) {
  for (const [i, dir] of RULE_PAGES.entries()) {
    await api.register(fastifyStatic, { root: join(root, dir), prefix: `/${dir}/`, index: "index.html", extensions: ["html"], wildcard: true, decorateReply: i === 0 });
  }
}

export async function webApp(api: FastifyInstance, { root }: { root: string }) {
  // A path that is no file falls through to the API's not-found answer (the contract's Error).
  await api.register(fastifyStatic, { root, prefix: "/", index: "index.html", wildcard: true });
}
