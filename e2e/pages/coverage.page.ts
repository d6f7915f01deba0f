import { expect, type Locator, type Page } from '@playwright/test';

/** "1,234" as 1234. */
const countOf = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** Coverage: the segments and capacity of the coverage model, its edit form, save and apply. */
export class CoveragePage {
  constructor(private readonly page: Page) {}

  get segmentRows(): Locator {
    return this.page.getByTestId('segment-row');
  }

  get version(): Locator {
    return this.page.getByTestId('model-version');
  }

  get editor(): Locator {
    return this.page.getByTestId('model-editor');
  }

  get applyPanel(): Locator {
    return this.page.getByTestId('apply-panel');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coverage' }).click();
    await expect(this.page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible();
    await expect(this.segmentRows.first()).toBeVisible();
  }

  segmentRow(key: string): Locator {
    return this.page.locator(`[data-testid="segment-row"][data-segment="${key}"]`);
  }

  roleRow(key: string): Locator {
    return this.page.locator(`[data-testid="role-row"][data-role="${key}"]`);
  }

  /** Waits until the figures are of the draft as it now is (the analysis follows edits after a pause). */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('segments-section')).toHaveAttribute('aria-busy', 'false');
  }

  async accountsOf(key: string): Promise<number> {
    return countOf(await this.segmentRow(key).getByTestId('segment-accounts').textContent());
  }

  async totalAccounts(): Promise<number> {
    return countOf(await this.page.getByTestId('total-accounts').textContent());
  }

  /** The account count of every segment, by key. */
  async segmentCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const row of await this.segmentRows.all()) counts[(await row.getAttribute('data-segment')) as string] = countOf(await row.getByTestId('segment-accounts').textContent());
    return counts;
  }

  /** Types the value of a segment's condition (1-based) in the edit form; the segment by its key. */
  async setConditionValue(segmentKey: string, condition: number, value: string): Promise<void> {
    await this.editor.locator(`[data-testid="segment-editor"][data-segment="${segmentKey}"]`).getByLabel(`Condition ${condition} value`).fill(value);
  }

  async setHeadcount(roleName: string, headcount: string): Promise<void> {
    await this.editor.getByRole('group', { name: `Role: ${roleName}` }).getByLabel('Headcount').fill(headcount);
  }

  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Save' }).click();
  }

  /** Applies the saved model, returning the count of changes the confirmation announced. */
  async applyToAccounts(): Promise<number> {
    await this.applyPanel.getByRole('button', { name: 'Apply to accounts' }).click();
    const question = this.applyPanel.getByRole('alertdialog');
    const text = await question.textContent();
    const changes = countOf(/([\d,]+) accounts? change/.exec(text ?? '')?.[1] ?? null);
    await question.getByRole('button', { name: 'Apply', exact: true }).click();
    return changes;
  }
}
