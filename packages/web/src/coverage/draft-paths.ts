import type { ModelDraft } from './draft-model.js';

/*
 * Where each input of the form sits in the API's model, so a message naming a path
 * (`segments[1].coverage[0].hoursPerAccount`) is shown next to the input it is about.
 */

/** A condition's path: the rule itself when alone, else its place in the rule's `all`. */
export function conditionPath(segment: number, index: number, count: number): string {
  return count === 1 ? `segments[${segment}].rule` : `segments[${segment}].rule.all[${index}]`;
}

/** An hours input's path: coverage lists only the roles with hours, in the roles' order. */
export function hoursPath(draft: ModelDraft, segment: number, role: number): string {
  const hours = draft.segments[segment]?.hours ?? [];
  const index = hours.slice(0, role).filter((h) => h.trim() !== '').length;
  return `segments[${segment}].coverage[${index}].hoursPerAccount`;
}

/** The message for an input: those at its path and (with `within`) below it, e.g. a condition's value. */
export function messageAt(errors: Readonly<Record<string, string>>, path: string, within = false): string | undefined {
  const found = Object.entries(errors).filter(([p]) => p === path || (within && (p.startsWith(`${path}.`) || p.startsWith(`${path}[`))));
  return found.length > 0 ? found.map(([, m]) => m).join('; ') : undefined;
}

/** Every path an input of the form shows (a condition's also covers what is below it). */
function inputPaths(draft: ModelDraft): { exact: string[]; within: string[] } {
  const exact: string[] = [];
  const within: string[] = [];
  draft.segments.forEach((s, i) => {
    exact.push(`segments[${i}].key`, `segments[${i}].name`, `segments[${i}].rule`);
    if (s.rule.kind === 'conditions') s.rule.conditions.forEach((_, j, all) => within.push(conditionPath(i, j, all.length)));
    s.hours.forEach((h, k) => { if (h.trim() !== '') exact.push(hoursPath(draft, i, k)); });
  });
  draft.roles.forEach((_, k) => exact.push(`roles[${k}].name`, `roles[${k}].hoursPerRep`, `roles[${k}].headcount`));
  return { exact, within };
}

/** The messages no input shows (said above the form). */
export function unplacedMessages(draft: ModelDraft, errors: Readonly<Record<string, string>>): string[] {
  const { exact, within } = inputPaths(draft);
  // A single condition's path is the rule's own: it is placed with the condition, not twice.
  const placed = (p: string) => exact.includes(p) || within.some((w) => p === w || p.startsWith(`${w}.`) || p.startsWith(`${w}[`));
  return Object.entries(errors).filter(([p]) => !placed(p)).map(([p, m]) => `${p}: ${m}`);
}

/** A refusal's issues as messages by path (two on one path are joined). */
export function errorsOfIssues(issues: readonly { field: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of issues) errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  return errors;
}
