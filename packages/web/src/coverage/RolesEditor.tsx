import { FormField, invalidProps } from '../assignments/FormField.js';
import { changeRole } from './draft-edits.js';
import type { FieldErrors, ModelDraft, RoleDraft } from './draft-model.js';
import { messageAt } from './draft-paths.js';

type Editable = 'name' | 'hoursPerRep' | 'headcount';

/** Per role: its name, the hours a rep has a year, and the headcount planned (empty: none). */
export function RolesEditor({ draft, errors, onEdit }: { draft: ModelDraft; errors: FieldErrors; onEdit: (next: ModelDraft) => void }) {
  const input = (k: number, role: RoleDraft, name: Editable, label: string, hint?: string) => {
    const id = `coverage-roles[${k}].${name}`;
    const error = messageAt(errors, `roles[${k}].${name}`);
    return (
      <FormField id={id} label={label} error={error} hint={hint}>
        <input id={id} value={role[name]} inputMode={name === 'name' ? undefined : 'decimal'} onChange={(e) => onEdit(changeRole(draft, k, { [name]: e.target.value }))} {...invalidProps(id, error)} />
      </FormField>
    );
  };
  return (
    <>
      {draft.roles.map((role, k) => (
        <fieldset key={role.key} className="coverage-role card" data-testid="role-editor">
          <legend>Role: {role.name}</legend>
          <div className="coverage-fields">
            {input(k, role, 'name', 'Name')}
            {input(k, role, 'hoursPerRep', 'Hours per rep', 'a year, for accounts')}
            {input(k, role, 'headcount', 'Headcount', 'empty: none planned')}
          </div>
        </fieldset>
      ))}
    </>
  );
}
