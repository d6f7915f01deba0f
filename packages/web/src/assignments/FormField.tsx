import type { ReactNode } from 'react';

/** A labelled input with its hint and the message of the field at fault, tied to it for screen readers. */
export function FormField({ id, label, error, hint, required = false, children }: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <span>
        <label htmlFor={id}>{label}</label>
        {required && <span aria-hidden="true" className="required"> *</span>}
      </span>
      {children}
      {hint && !error && <p className="muted small" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" role="alert" id={`${id}-error`} data-testid={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** The aria props of an input whose FormField may show an error. */
export function invalidProps(id: string, error: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
