import { describe, expect, it } from "vitest";
import { parentOriginFrom } from "../src/embed-origin.ts";

const self = "https://calculateur.example";
const open = { allowed: [], self };

describe("the iframe mode's parentOrigin (issue 13, finding 8)", () => {
  it("accepts an https: origin by default, and the app's own origin", () => {
    expect(parentOriginFrom("https://host.example", open)).toBe("https://host.example");
    expect(parentOriginFrom("https://host.example:8443/", open)).toBe("https://host.example:8443");
    expect(parentOriginFrom("http://127.0.0.1:5173", { allowed: [], self: "http://127.0.0.1:5173" })).toBe("http://127.0.0.1:5173");
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "http://host.example", "https://host.example/path", "https://host.example?x", "https://user@host.example", "not a url", "", "null"])(
    "refuses %j without throwing",
    (value) => {
      expect(parentOriginFrom(value, open)).toBeUndefined();
    },
  );

  it("with an allow-list, only its sites (and the app's own origin)", () => {
    const allowed = { allowed: ["https://a.example", "http://intranet.local"], self };
    expect(parentOriginFrom("https://a.example", allowed)).toBe("https://a.example");
    expect(parentOriginFrom("http://intranet.local", allowed)).toBe("http://intranet.local");
    expect(parentOriginFrom("https://b.example", allowed)).toBeUndefined();
    expect(parentOriginFrom(self, allowed)).toBe(self);
  });

  it("must be the actual parent when the browser says which it is", () => {
    expect(parentOriginFrom("https://a.example", { ...open, ancestor: "https://a.example" })).toBe("https://a.example");
    expect(parentOriginFrom("https://a.example", { ...open, ancestor: "https://evil.example" })).toBeUndefined();
  });
});
