/** The demo host page's own script (apps/widget/demo.html): shows the widget's events, and embeds the iframe mode. */
const events = document.getElementById("events")!;
for (const type of ["fne:result", "fne:error"]) {
  document.getElementById("widget")!.addEventListener(type, (e) => {
    events.textContent = `${type} ${JSON.stringify((e as CustomEvent).detail).slice(0, 2000)}`;
    events.dataset.type = type;
  });
}
// The iframe is the web app's embed page; only its origin may resize it.
const frame = document.getElementById("frame") as HTMLIFrameElement;
const appUrl = new URL("../embed.html", location.href);
appUrl.search = new URLSearchParams({ aid: "atd", lang: "fr", parentOrigin: location.origin }).toString();
frame.src = appUrl.href;
window.addEventListener("message", (e) => {
  if (e.origin !== appUrl.origin || e.source !== frame.contentWindow || e.data?.type !== "fne:resize") return;
  frame.style.height = `${Math.ceil(Number(e.data.height))}px`;
});
