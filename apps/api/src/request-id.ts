/**
 * The request id (`reqId` in every log line of the request, and of the jobs it makes): the caller's X-Request-Id
 * when it sends a sane one (a proxy in front of several replicas sets one, so that its logs and ours meet), a
 * random UUID otherwise (unique across replicas, unlike Fastify's counter). Sent back in X-Request-Id.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { IncomingMessage } from "node:http";

const SANE = /^[\w.:@/+=-]{1,128}$/;

export function requestId(req: IncomingMessage): string {
  const sent = req.headers["x-request-id"];
  return typeof sent === "string" && SANE.test(sent) ? sent : randomUUID();
}

export function echoRequestId(app: FastifyInstance) {
  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
}
