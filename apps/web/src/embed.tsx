/**
 * The iframe mode of the widget (sites whose Content-Security-Policy forbids foreign scripts): this page renders
 * only the calculator, from its query (aid, lang, date), and tells the parent its height with postMessage —
 * only to the origin given as `parentOrigin`, so that no other site learns anything from it.
 */
import { createRoot } from "react-dom/client";
import { CaseCalculator, css, type Lang } from "@fne/ui";

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

let parentOrigin: string | undefined;
try {
  const o = q.get("parentOrigin");
  parentOrigin = o ? new URL(o).origin : undefined;
} catch {
  parentOrigin = undefined;
}
if (parentOrigin && window.parent !== window) {
  const send = () => window.parent.postMessage({ type: "fne:resize", height: document.documentElement.scrollHeight }, parentOrigin!);
  new ResizeObserver(send).observe(document.body);
  send();
}
