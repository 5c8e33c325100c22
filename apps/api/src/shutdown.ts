/**
 * Shutdown with a deadline. On SIGTERM the server stops accepting connections, answers what is in flight (with
 * `Connection: close`, so that keep-alive clients let go) and closes idle connections; what is still in flight
 * after `limits.shutdownSeconds` (a stalled upload, a client that does not read a streamed answer) is cut: each
 * such request is logged with what it was doing, then every connection is closed. Node itself closes, at once, a
 * connection whose answer is complete but not yet read by the client (it counts as idle): that cut is logged too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

interface InFlight {
  req: FastifyRequest;
  reply: FastifyReply;
  since: number;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The requests being received, computed or sent right now. */
    inFlight: Set<InFlight>;
  }
}

/**
 * Tracks the requests in flight, answers them with `Connection: close` once closing has begun, and logs those
 * whose connection is closed before their answer was delivered during the shutdown.
 */
export function trackInFlight(app: FastifyInstance) {
  const inFlight = new Set<InFlight>();
  const entries = new WeakMap<FastifyRequest, InFlight>();
  app.decorate("inFlight", inFlight);
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onRequest", async (req, reply) => {
    const entry = { req, reply, since: Date.now() };
    entries.set(req, entry);
    inFlight.add(entry);
  });
  const forget = async (req: FastifyRequest, reply: FastifyReply) => {
    const entry = entries.get(req);
    if (!entry || !inFlight.delete(entry)) return;
    if (closing && !reply.raw.writableFinished) app.log.warn(describe(entry, Date.now()), "shutdown: request cut");
  };
  app.addHook("onResponse", forget);
  app.addHook("onRequestAbort", async (req) => {
    const entry = entries.get(req);
    if (entry) await forget(req, entry.reply);
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
}

/** What a request was doing when it was cut, for the log. */
function describe({ req, reply, since }: InFlight, now: number) {
  const socket = req.raw.socket;
  const phase = !req.raw.complete ? "receiving the body" : reply.raw.headersSent ? "sending the answer" : "computing the answer";
  return {
    req: { method: req.method, url: req.url, remoteAddress: req.ip },
    phase,
    ageMs: now - since,
    connection: { bytesReceived: socket?.bytesRead ?? 0, bytesSent: socket?.bytesWritten ?? 0 },
  };
}

/**
 * Closes the server within `seconds`: resolves with what had to be cut (empty when everything finished in time).
 */
export async function closeWithin(app: FastifyInstance, seconds: number): Promise<Array<ReturnType<typeof describe>>> {
  const cut: Array<ReturnType<typeof describe>> = [];
  const timer = setTimeout(() => {
    const now = Date.now();
    for (const entry of app.inFlight) cut.push(describe(entry, now));
    app.inFlight.clear();
    for (const c of cut) app.log.warn(c, "shutdown: request cut");
    app.log.warn({ requests: cut.length, deadlineSeconds: seconds }, "shutdown deadline: closing every connection");
    app.server.closeAllConnections();
  }, seconds * 1000);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
  return cut;
}
