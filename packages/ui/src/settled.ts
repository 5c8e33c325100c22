/** A value that may still be on its way (an article from the API, the widget's aids): what a component shows meanwhile. */
import { useEffect, useState } from "react";

export type Settled<T> = { state: "pending" } | { state: "done"; value: T } | { state: "failed"; error: unknown };

/** `value` at once, or the promise's outcome when it settles (the latest promise only: an older one is ignored). */
export function useSettled<T>(value: T | Promise<T>): Settled<T> {
  const [settled, setSettled] = useState<{ of: Promise<T>; outcome: Settled<T> }>();
  useEffect(() => {
    if (!(value instanceof Promise)) return;
    let current = true;
    value.then(
      (v) => current && setSettled({ of: value, outcome: { state: "done", value: v } }),
      (error: unknown) => current && setSettled({ of: value, outcome: { state: "failed", error } }),
    );
    return () => {
      current = false;
    };
  }, [value]);
  if (!(value instanceof Promise)) return { state: "done", value };
  return settled?.of === value ? settled.outcome : { state: "pending" };
}
