// The one h1 of each screen. When the screen changes, focus moves to it so a
// keyboard or screen-reader user starts reading where the new content is.
import { useEffect, useRef, type ReactNode } from 'react';

let firstScreenShown = false;

export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // On the very first screen the page has just loaded: leave focus alone.
    if (firstScreenShown) ref.current?.focus();
    firstScreenShown = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
