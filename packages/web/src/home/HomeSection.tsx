import { useId, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  /** Beside the title: a count badge, the period. */
  readonly aside?: ReactNode;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A titled block of the home page (a landmark region named by its heading). */
export function HomeSection({ title, aside, className, children }: Props) {
  const id = useId();
  return (
    <section className={`card home-section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="home-section-head">
        <h2 id={id}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
