/**
 * HTTP below the routes. Node's parser refuses some requests before Fastify sees them (bad chunking, a lying,
 * repeated or negative Content-Length, Content-Length with Transfer-Encoding, a bad request line, a NUL in a
 * header, headers over the limit, a request that times out); CONNECT never reaches a route; HTTP/1.1 requires one
 * Host header (RFC 9112 §3.2). Each gets the contract's Error with the security headers, like any other answer.
 * And a body nobody reads is read and discarded before the answer, so that the client sees the answer.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorCode } from "@fne/schema";
import { errorBody, HttpError } from "./errors.ts";
import type { Limits } from "./limits.ts";
import { API_HEADERS } from "./security.ts";

/** A few of llhttp's reasons, said as the client can act on them; the others keep llhttp's own words. */
const HINTS: Record<string, string> = {
  HPE_INVALID_EOF_STATE: "the connection ended before the request was complete (a body shorter than its Content-Length, or a chunked body cut short)",
  HPE_INVALID_TRANSFER_ENCODING: "Transfer-Encoding must be chunked alone, and never with Content-Length",
  HPE_UNEXPECTED_CONTENT_LENGTH: "Content-Length is repeated",
  HPE_INVALID_CONTENT_LENGTH: "Content-Length is not a number of bytes",
  HPE_CLOSED_CONNECTION: "data after a request that closes the connection (an HTTP/1.0 body needs a Content-Length)",
  HPE_PAUSED_H2_UPGRADE: "HTTP/2 is not served here: use HTTP/1.1",
};

/** Writes an answer on a socket the HTTP parser gave up on, then closes it once the client has it. */
function answerOnSocket(socket: Duplex, status: number, code: ErrorCode, message: string, path: string) {
  const body = JSON.stringify(errorBody(code, message, [{ path, message }]));
  const headers = { Date: new Date().toUTCString(), ...API_HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(body)), Connection: "close" };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  // Whatever the client still sends is read and dropped: closing with unread data would reset the connection
  // (RST) and the client could lose the answer.
  socket.resume();
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** An answer of the server still being written on this socket (Node's own field): never interleave with it. */
const answering = (socket: Duplex) => (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage?.headersSent === true;

/** Fastify's clientErrorHandler: the parser's errors, and the request timeout, as contract Errors. */
export function clientErrorHandler(limits: Limits) {
  return function onClientError(err: Error & { code?: string; reason?: string }, socket: Duplex) {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    if (!socket.writable || answering(socket)) {
      socket.destroy();
      return;
    }
    if (err.code === "HPE_HEADER_OVERFLOW") {
      answerOnSocket(socket, 431, "invalid_request", `request line and headers larger than ${limits.headerBytes} bytes`, "(headers)");
    } else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      answerOnSocket(socket, 408, "invalid_request", `the request was not received within ${limits.requestSeconds} s`, "(http)");
    } else {
      const why = HINTS[err.code ?? ""] ?? err.reason ?? err.message;
      answerOnSocket(socket, 400, "invalid_request", `malformed HTTP request: ${why}`, "(http)");
    }
  };
}

/**
 * What Node answers itself before any route, answered as contract Errors: CONNECT (a proxy's method) is an
 * unknown route; an Expect other than 100-continue is refused with 417. And a client that half-closes its side
 * once its request is sent still gets the answer: Node would otherwise take the FIN for an abort and close without
 * one (http.Server's httpAllowHalfOpen, false by default; the request timeout still bounds such a connection).
 */
export function refuseBeforeRoutes(server: Server) {
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    answerOnSocket(socket, 404, "not_found", `no route CONNECT ${req.url}: this is not a proxy`, "(url)");
  });
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => {
    const message = `Expect: ${req.headers.expect} is not supported (only 100-continue)`;
    const body = JSON.stringify(errorBody("invalid_request", message, [{ path: "(headers).expect", message }]));
    req.resume();
    res.writeHead(417, { ...API_HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), Connection: "close" }).end(body);
  });
}

/** onRequest: HTTP/1.1 needs exactly one Host header (Node's own check answers an empty 400: off, and done here). */
export function checkHost(req: { raw: IncomingMessage }) {
  const { httpVersion, rawHeaders } = req.raw;
  let hosts = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === "host") hosts++;
  if (hosts > 1 || (hosts === 0 && httpVersion === "1.1")) {
    const message = hosts ? `${hosts} Host headers: HTTP/1.1 requires exactly one` : "no Host header: HTTP/1.1 requires one";
    throw new HttpError(400, "invalid_request", message, [{ path: "(headers).host", message }]);
  }
}
