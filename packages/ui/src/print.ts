/**
 * The printed sheet exists only while the page prints: mounted before the browser lays the page out for print (our
 * Print button, or the browser's own print and "save as PDF", which send `beforeprint`), unmounted after. On screen
 * it would only repeat the result (to a screen reader, to a search of the page's text).
 */
import { useEffect, useState, type RefObject } from "react";
import { flushSync } from "react-dom";

export function usePrinting(ref: RefObject<Element | null>): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The component's window (an iframe's, for the embed page), else the page's: the element may come later.
    const win = ref.current?.ownerDocument.defaultView ?? window;
    // flushSync: the sheet must be in the page before the browser takes the print layout, not at React's next turn.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    win.addEventListener("beforeprint", before);
    win.addEventListener("afterprint", after);
    return () => {
      win.removeEventListener("beforeprint", before);
      win.removeEventListener("afterprint", after);
    };
  }, [ref]);
  const print = () => {
    flushSync(() => setPrinting(true));
    (ref.current?.ownerDocument.defaultView ?? window).print();
  };
  return { printing, print };
}
