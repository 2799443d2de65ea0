// Keeps keyboard focus somewhere sensible when the element holding it goes
// away (a panel replaced by the next step, a removed card): without this the
// browser drops focus to <body> and a keyboard user starts over from the top.
import { useEffect, useRef, type RefObject } from 'react';

function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body;
}

const focusElement = (element: HTMLElement): void => element.focus();

/**
 * Focuses the returned ref's element, if focus was lost, when `key` changes
 * (and on mount unless `onMount` is false). `focus` does the focusing; pass a
 * function that stays the same between renders.
 */
export function useFocusWhenLost<T extends HTMLElement>(
  key: unknown = null,
  onMount = true,
  focus: (element: T) => void = focusElement,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const mounted = useRef(false);
  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (first && !onMount) return;
    if (focusIsLost() && ref.current) focus(ref.current);
  }, [key, onMount, focus]);
  return ref;
}
