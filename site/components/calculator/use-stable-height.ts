// Results redraw on every keystroke, and their text wraps onto one line more or less as numbers
// change ("$9.99" → "$10.00", a longer verdict sentence). A box that shrinks and grows back pushes
// everything below it up and down. This hook lets a box grow but not shrink while the same things
// are shown (same key, same viewport width); a new key or width measures afresh.
import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * A ref for an element whose height may grow but never shrink until `key` or the viewport width
 * changes. The minimum is set through the CSSOM (`style.minHeight`), which the CSP allows.
 */
export function useStableHeight<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const tallest = useRef({ key: "", px: 0 });
  // No dependency list: measure after every render, since any render can change the text.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fullKey = `${key}@${window.innerWidth}`;
    element.style.minHeight = "";
    const natural = element.getBoundingClientRect().height;
    if (tallest.current.key !== fullKey) tallest.current = { key: fullKey, px: 0 };
    tallest.current.px = Math.max(tallest.current.px, natural);
    if (tallest.current.px > natural) element.style.minHeight = `${tallest.current.px}px`;
  });
  return ref;
}
