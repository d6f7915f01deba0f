import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a wizard step. When the user moves to a step, focus goes to its heading,
 * so keyboard and screen-reader users start reading the new step from its top.
 */
export function StepHeading({ id, children, focus }: { id: string; children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return <h2 id={id} ref={ref} tabIndex={-1} className="import-step-heading">{children}</h2>;
}
