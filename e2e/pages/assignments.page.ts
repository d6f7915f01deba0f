import { expect, type Locator, type Page } from '@playwright/test';

/** The fields of the assign and change forms, by their labels' start (labels carry the currency). */
export interface AssignmentAmounts {
  readonly target?: string;
  readonly quota?: string;
  readonly baseSalary?: string;
  readonly ramp?: string;
}

/** Plan assignments: the table, a row's terms for a period, "Assign a plan" and "Change from date". */
export class AssignmentsPage {
  constructor(private readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId('assignments-table');
  }

  get rows(): Locator {
    return this.table.getByTestId('assignment-row');
  }

  get terms(): Locator {
    return this.page.getByTestId('assignment-terms');
  }

  get assignDialog(): Locator {
    return this.page.getByTestId('assign-dialog');
  }

  get changeDialog(): Locator {
    return this.page.getByTestId('change-dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assignments' }).click();
    await expect(this.page.getByRole('heading', { name: 'Plan assignments', level: 1 })).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Filter by person or plan').fill(text);
  }

  /** The rows of a person, oldest first once sorted by start. */
  rowsOf(personName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: personName, exact: true }) });
  }

  /** Opens a row's terms and reads them for a period ("FY2027-Q3"). */
  async showTerms(row: Locator, period: string): Promise<void> {
    await row.getByRole('button').first().click();
    await expect(this.terms).toBeVisible();
    await this.terms.getByLabel('Terms for period').selectOption(period);
    await expect(this.terms.locator(`[data-period="${period}"][aria-busy="false"]`)).toBeVisible();
  }

  async startAssigning(): Promise<void> {
    await this.page.getByRole('button', { name: 'Assign a plan' }).click();
    await expect(this.assignDialog).toBeVisible();
  }

  /** Fills "Assign a plan": the person through the picker, the plan by its option text, the rest typed. */
  async fillAssignment(form: { person: string; plan: string; from: string; reason: string } & AssignmentAmounts): Promise<void> {
    const dialog = this.assignDialog;
    await dialog.getByLabel('Person').fill(form.person);
    await dialog.getByRole('option', { name: form.person }).click();
    await dialog.getByLabel('Plan', { exact: true }).selectOption({ label: form.plan });
    await expect(dialog.getByLabel('Version')).not.toHaveValue('');
    await dialog.getByLabel('From', { exact: true }).fill(form.from);
    await this.fillAmounts(dialog, form);
    await dialog.getByLabel('Reason').fill(form.reason);
  }

  async submitAssignment(): Promise<void> {
    await this.assignDialog.getByRole('button', { name: 'Assign', exact: true }).click();
  }

  /** The message shown next to a field of the assign form (by the body's field name). */
  assignError(field: string): Locator {
    return this.assignDialog.getByTestId(`assign-${field}-error`);
  }

  async changeFromDate(row: Locator, form: { from: string; reason: string } & AssignmentAmounts): Promise<void> {
    await row.getByRole('button', { name: /from a date$/ }).click();
    const dialog = this.changeDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Effective from').fill(form.from);
    await this.fillAmounts(dialog, form);
    await dialog.getByLabel('Reason').fill(form.reason);
    await dialog.getByRole('button', { name: 'Change from this date' }).click();
    await expect(dialog).toBeHidden();
  }

  private async fillAmounts(dialog: Locator, form: AssignmentAmounts): Promise<void> {
    if (form.target !== undefined) await dialog.getByLabel(/^Target incentive/).fill(form.target);
    if (form.quota !== undefined) await dialog.getByLabel(/^Annual quota/).fill(form.quota);
    if (form.baseSalary !== undefined) await dialog.getByLabel(/^Base salary/).fill(form.baseSalary);
    if (form.ramp !== undefined) await dialog.getByLabel(/^Ramp/).fill(form.ramp);
  }
}
