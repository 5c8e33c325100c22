/**
 * HTTP over a bare socket, for requests no client library would send: write the bytes, half-close (or not), read
 * until the server closes or goes quiet, and split what came back into responses (status, headers, body by
 * Content-Length or chunked).
 */
import { connect } from "node:net";
import type { Answer } from "./contract.ts";

export interface RawAnswer extends Answer {
  /** The request line of the request this answers, when known (for the contract check). */
  raw: string;
}

/** Parses the responses in `data` (HTTP/1.1, as Node writes them); stops at the first incomplete one. */
export function parseResponses(data: Buffer, headRequests = 0): RawAnswer[] {
  const out: RawAnswer[] = [];
  let at = 0;
  let heads = headRequests;
  while (at < data.length) {
    const end = data.indexOf("\r\n\r\n", at);
    if (end < 0) break;
    const head = data.subarray(at, end).toString("latin1");
    const [statusLine, ...lines] = head.split("\r\n");
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine!);
    if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(head.slice(0, 200))}`);
    const headers: Record<string, string> = {};
    for (const l of lines) {
      const i = l.indexOf(":");
      headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const statusCode = Number(m[1]);
    let bodyStart = end + 4;
    let body: Buffer = Buffer.alloc(0);
    if (statusCode === 100) {
      at = bodyStart;
      continue;
    }
    if (heads > 0 && statusCode !== 400) {
      heads--; // a HEAD answer has headers only
    } else if (headers["transfer-encoding"] === "chunked") {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf("\r\n", bodyStart);
        if (lineEnd < 0) return out;
        const size = parseInt(data.subarray(bodyStart, lineEnd).toString("latin1"), 16);
        bodyStart = lineEnd + 2;
        if (size === 0) {
          bodyStart += 2;
          break;
        }
        parts.push(data.subarray(bodyStart, bodyStart + size));
        bodyStart += size + 2;
      }
      body = Buffer.concat(parts);
    } else if (headers["content-length"] !== undefined) {
      const n = Number(headers["content-length"]);
      if (bodyStart + n > data.length) break;
      body = data.subarray(bodyStart, bodyStart + n);
      bodyStart += n;
    }
    out.push({ statusCode, headers, body: body.toString("utf8"), raw: statusLine! });
    at = bodyStart;
  }
  return out;
}

/** Sends `request` on a new connection; resolves with everything the server wrote before closing (or `quietMs` of silence). */
export function sendRaw(port: number, request: string | Buffer, { halfClose = true, quietMs = 1500 } = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let timer = setTimeout(() => socket.destroy(), quietMs);
    socket.on("data", (b: Buffer) => {
      chunks.push(b);
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), quietMs);
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    socket.on("connect", () => {
      if (halfClose) socket.end(request);
      else socket.write(request);
    });
  });
}
