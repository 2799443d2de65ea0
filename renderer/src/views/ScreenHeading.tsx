// The one h1 of each screen. When the screen changes, focus moves to it so a
// keyboard or screen-reader user starts reading where the new content is.
import { useEffect, type ReactNode } from 'react';
import { useFocusWhenLost } from './focus';

let firstScreenShown = false;

export function ScreenHeading({
  children,
  refocusKey,
}: {
  children: ReactNode;
  /** When this changes and focus was lost (say, a removed card held it), the heading takes it. */
  refocusKey?: unknown;
}) {
  const ref = useFocusWhenLost<HTMLHeadingElement>(refocusKey, false, focusAtTop);
  useEffect(() => {
    // On the very first screen the page has just loaded: leave focus alone.
    if (firstScreenShown && ref.current) focusAtTop(ref.current);
    firstScreenShown = true;
  }, [ref]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}

/**
 * Focus on the heading with the page at its top: the notices sit above the
 * heading, and focusing it alone would scroll them out of view (a warning
 * after signing out of the last card of a long list).
 */
function focusAtTop(heading: HTMLHeadingElement): void {
  heading.focus({ preventScroll: true });
  window.scrollTo({ top: 0 });
}
