import { expect, type Locator, type Page } from '@playwright/test';

/** The plans list and the plan editor (CodeMirror, problems list, preview, save). */
export class PlanEditorPage {
  constructor(private readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId('plans-table');
  }

  get issues(): Locator {
    return this.page.getByTestId('plan-issues');
  }

  get chart(): Locator {
    return this.page.getByTestId('payout-chart');
  }

  async openList(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await expect(this.page.getByRole('heading', { name: 'Plans', level: 1 })).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** Opens a plan from the list by its name; waits for its text in the editor. */
  async openPlan(name: string): Promise<void> {
    await this.table.getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(this.page.getByTestId('plan-source')).toContainText('plan:');
  }

  /** The plan id of the open editor, from its address. */
  planId(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }

  /** The source of a saved version, as the API returns it. */
  async savedSource(version: number): Promise<string> {
    // Asked from the page itself, with its session, as the app would.
    const url = `/api/v1/plans/${encodeURIComponent(this.planId())}/versions/${version}`;
    const body = await this.page.evaluate(async (u) => {
      const response = await fetch(u, { credentials: 'same-origin' });
      return { status: response.status, json: (await response.json()) as { source?: string } };
    }, url);
    expect(body.status).toBe(200);
    return body.json.source ?? '';
  }

  /** Replaces the editor's whole text as if typed (select all, then insert). */
  async replaceSource(text: string): Promise<void> {
    const editor = this.page.getByTestId('plan-source');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(text);
  }

  async expectProblem(where: string, field: string): Promise<void> {
    const issue = this.issues.getByTestId('plan-issue').filter({ hasText: where });
    await expect(issue).toContainText(field);
    // Also marked inline in the editor.
    await expect(this.page.locator('.cm-lintRange-error').first()).toBeVisible();
  }

  async goToProblem(where: string): Promise<void> {
    await this.issues.getByTestId('plan-issue').filter({ hasText: where }).click();
  }

  /** The text of the line the cursor is on. */
  activeLine(): Locator {
    return this.page.locator('.cm-activeLine');
  }

  async expectNoProblems(): Promise<void> {
    await expect(this.issues.getByRole('heading')).toHaveText('No problems');
  }

  async saveNewVersion(): Promise<void> {
    await this.page.getByTestId('save-version').click();
  }

  async expectSaved(version: number): Promise<void> {
    await expect(this.page.getByTestId('saved-version')).toHaveText(`Saved as version ${version} (draft)`);
  }

  /** The latest version shown in the list for a plan key. */
  async latestVersionOf(key: string): Promise<Locator> {
    return this.table.locator(`tr[data-key="${key}"]`).getByTestId('plan-latest-version');
  }

  /** A version's row in the editor's list of versions. */
  version(n: number): Locator {
    return this.page.getByTestId('plan-version').filter({ has: this.page.locator('strong', { hasText: new RegExp(`^v${n}$`) }) });
  }

  async publish(n: number): Promise<void> {
    await this.version(n).getByRole('button', { name: `Publish v${n}` }).click();
    await expect(this.version(n).locator('.badge')).toHaveText('published');
  }
}
