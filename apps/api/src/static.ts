/**
 * The built web app (apps/web/dist), served by the API itself when it exists: the page and the API then share
 * one origin, so the session cookie can be SameSite=Strict and no CORS is needed for it.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** FNE_WEB_DIR, else apps/web/dist from where `pnpm api` runs (the repository root); undefined when not built. */
export function webDir(env: Record<string, string | undefined>, cwd = process.cwd()): string | undefined {
  const dir = resolve(cwd, env.FNE_WEB_DIR ?? "apps/web/dist");
  return existsSync(join(dir, "index.html")) ? dir : undefined;
}

export async function webApp(api: FastifyInstance, { root }: { root: string }) {
  // A path that is no file falls through to the API's not-found answer (the contract's Error).
  await api.register(fastifyStatic, { root, prefix: "/", index: "index.html", wildcard: true });
}
