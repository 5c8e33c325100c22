/**
 * The iframe mode of the widget (sites whose Content-Security-Policy forbids foreign scripts): this page renders
 * only the calculator, from its query (aid, lang, date), and tells the parent its height with postMessage —
 * only to `parentOrigin`, when embed-origin.ts accepts it (an https: site, or one of VITE_EMBED_ORIGINS), so
 * that no other site learns anything from it.
 */
import { createRoot } from "react-dom/client";
import { embedOrigins } from "@fne/schema";
import { CaseCalculator, css, type Lang } from "@fne/ui";
import { parentOriginFrom } from "./embed-origin.ts";

const q = new URLSearchParams(location.search);
const lang: Lang = q.get("lang") === "en" ? "en" : "fr";
const aid = q.get("aid") ?? "";
const date = q.get("date") ?? undefined;
const style = document.createElement("style");
style.textContent = css;
document.head.append(style);
createRoot(document.getElementById("root")!).render(
  <div className="fne" lang={lang}>
    <CaseCalculator lang={lang} aid={aid} lockAid={aid !== ""} {...(date ? { date } : {})} />
  </div>,
);

const parentOrigin = parentOriginFrom(q.get("parentOrigin"), {
  allowed: embedOrigins(import.meta.env.VITE_EMBED_ORIGINS as string | undefined),
  self: location.origin,
  ancestor: location.ancestorOrigins?.[0],
});
if (parentOrigin && window.parent !== window) {
  const send = () => window.parent.postMessage({ type: "fne:resize", height: document.documentElement.scrollHeight }, parentOrigin!);
  new ResizeObserver(send).observe(document.body);
  send();
}
