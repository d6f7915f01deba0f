import { expect, type Locator, type Page } from '@playwright/test';

/** The import wizard at /import: file, mapping, dry run, import. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Through the navigation, as a user would. */
  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await expect(this.page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  }

  async chooseEntity(plural: string): Promise<void> {
    await this.page.getByLabel('Records to import').selectOption({ label: plural });
  }

  async chooseSource(label: 'Attain CSV' | 'Salesforce report export' | 'HubSpot export'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  }

  async chooseFile(path: string, name: string): Promise<void> {
    await this.page.getByLabel('CSV file').setInputFiles(path);
    await expect(this.page.getByTestId('loaded-file')).toContainText(name);
  }

  async toMapping(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next: map columns' }).click();
    await expect(this.page.getByRole('heading', { name: '2. Map the columns' })).toBeVisible();
  }

  targetOf(header: string): Locator {
    return this.page.getByLabel(`Import ${header} into`);
  }

  /** Runs the dry run and waits for its report. */
  async dryRun(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next: check the file' }).click();
    await expect(this.page.getByRole('heading', { name: '3. Check the file (dry run)' })).toBeVisible();
    await expect(this.page.getByText('Would create')).toBeVisible();
  }

  problems(): Locator {
    return this.page.getByRole('table', { name: 'Problems in the file' });
  }

  /** The problem rows of the report, each as its cells' text. */
  async problemRows(): Promise<string[][]> {
    // Each problem row may be followed by a row holding the file's cells of that line.
    const rows = this.problems().locator(':scope > tbody > tr:not(.import-row-detail)');
    const count = await rows.count();
    const result: string[][] = [];
    for (let i = 0; i < count; i += 1) result.push((await rows.nth(i).locator(':scope > td').allTextContents()).slice(0, 4));
    return result;
  }

  /** The cells of a bad row, shown under its problem (at once when there are few). */
  cellsOfLine(line: number): Locator {
    return this.page.getByRole('table', { name: `Cells of line ${line}` });
  }

  importButton(): Locator {
    return this.page.getByRole('button', { name: /^Import( \d+ rows?)?$/ });
  }

  async chooseAnotherFile(): Promise<void> {
    await this.page.getByRole('button', { name: 'Choose another file' }).click();
    await expect(this.page.getByRole('heading', { name: '1. Choose the file' })).toBeVisible();
  }

  progressBar(): Locator {
    return this.page.getByRole('progressbar');
  }

  result(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'imported:' });
  }
}
