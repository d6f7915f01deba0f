/** The steps of the wizard, the current one marked. */
export const STEPS = ['Choose file', 'Map columns', 'Check (dry run)', 'Import'] as const;

/** `finished`: the last step is done too (the import went through). */
export function StepList({ current, finished }: { current: number; finished: boolean }) {
  return (
    <ol className="import-steps" aria-label="Import steps">
      {STEPS.map((label, index) => {
        const done = index < current || finished;
        return (
          <li key={label} className={done ? 'done' : index === current ? 'current' : undefined} aria-current={index === current ? 'step' : undefined}>
            <span className="import-step-number" aria-hidden="true">{done ? '✓' : index + 1}</span> {label}
          </li>
        );
      })}
    </ol>
  );
}
