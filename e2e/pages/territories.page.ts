import { expect, type Locator, type Page, type Response } from '@playwright/test';

/** The map wire as far as the spec reads it. */
export interface MapBody {
  readonly territories: { key: string; name: string; accounts: number }[];
  readonly counties: { fips: string; territory: string | null; accounts: number; potentialMinor: string }[];
}

const isApi = (method: string, path: RegExp) => (r: Response) => r.request().method() === method && path.test(new URL(r.url()).pathname);

/** Territories: the list of models, a model's workspace (optimize, map, balance, moves, save, dry run, activation). */
export class TerritoriesPage {
  constructor(private readonly page: Page) {}

  get map(): Locator {
    return this.page.getByTestId('territory-map');
  }

  get chart(): Locator {
    return this.page.getByTestId('balance-chart');
  }

  get status(): Locator {
    return this.page.locator('header').getByTestId('model-status');
  }

  get version(): Locator {
    return this.page.getByTestId('model-version');
  }

  get unsaved(): Locator {
    return this.page.getByTestId('unsaved-state');
  }

  metric(name: 'max-deviation' | 'cv' | 'gini'): Locator {
    return this.page.getByTestId('balance-figures').getByTestId(`metric-${name}`);
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territories' }).click();
    await expect(this.page.getByRole('heading', { name: 'Territories', level: 1 })).toBeVisible();
  }

  /** Creates a planning model and waits for its workspace (and its map's figures, which it returns). */
  async createModel(name: string): Promise<MapBody> {
    const form = this.page.getByTestId('new-model-form');
    await form.getByLabel('Name').fill(name);
    const mapAnswer = this.page.waitForResponse(isApi('GET', /\/territory-models\/[^/]+\/map$/));
    await form.getByRole('button', { name: 'Create model' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
    return (await (await mapAnswer).json()) as MapBody;
  }

  /** Optimizes and waits for the new version's map figures. */
  async optimize(options: { territories: number; measure: 'Potential' | 'Accounts'; tolerance?: string; seed?: string }): Promise<MapBody> {
    const panel = this.page.getByTestId('optimize-panel');
    await panel.getByLabel('Territories').fill(String(options.territories));
    await panel.getByLabel('Measure').selectOption({ label: options.measure });
    if (options.tolerance !== undefined) await panel.getByLabel('Tolerance %').fill(options.tolerance);
    if (options.seed !== undefined) await panel.getByLabel('Seed').fill(options.seed);
    const optimized = this.page.waitForResponse(isApi('POST', /\/optimize$/), { timeout: 60_000 });
    const mapAnswer = this.page.waitForResponse((r) => isApi('GET', /\/map$/)(r) && r.status() === 200, { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Optimize' }).click();
    expect((await optimized).status()).toBe(200);
    const body = (await (await mapAnswer).json()) as MapBody;
    await expect(this.page.getByTestId('optimize-result')).toBeVisible();
    return body;
  }

  /** Rebalances the model's own territories from where its accounts are today, at most `maxMoved` percent moving. */
  async rebalance(options: { maxMoved: string; tolerance: string }): Promise<void> {
    const panel = this.page.getByTestId('optimize-panel');
    await panel.getByLabel('Start from').selectOption({ label: "Today's territories" });
    await panel.getByLabel('Max moved %').fill(options.maxMoved);
    await panel.getByLabel('Tolerance %').fill(options.tolerance);
    const optimized = this.page.waitForResponse(isApi('POST', /\/optimize$/), { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Optimize' }).click();
    expect((await optimized).status()).toBe(200);
    await expect(this.page.getByTestId('optimize-moved')).toBeVisible();
  }

  county(fips: string): Locator {
    return this.map.locator(`path[data-fips="${fips}"]`);
  }

  /** Chooses a county on the map (a click on its shape) and moves it to a territory by name. */
  async moveCounty(fips: string, territoryName: string): Promise<void> {
    // A click event on the shape itself: the middle of a county's box can lie in its neighbour.
    await this.county(fips).dispatchEvent('click');
    const form = this.page.getByTestId('move-county');
    await expect(form.getByTestId('selected-county-info')).toContainText(`(${fips})`);
    await form.getByLabel('To territory').selectOption({ label: territoryName });
    await form.getByRole('button', { name: 'Move county' }).click();
  }

  async save(): Promise<void> {
    const saved = this.page.waitForResponse(isApi('PUT', /\/territory-models\/[^/]+$/));
    await this.page.getByTestId('draft-bar').getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await expect(this.page.getByTestId('save-notice')).toContainText('Saved as version');
  }

  /** Runs the dry run for a date (YYYY-MM-DD) and waits for its totals. */
  async dryRun(date: string): Promise<void> {
    const panel = this.page.getByTestId('diff-panel');
    await panel.getByLabel('Effective date').fill(date);
    const diff = this.page.waitForResponse(isApi('GET', /\/diff$/), { timeout: 60_000 });
    await panel.getByRole('button', { name: 'Dry run' }).click();
    expect((await diff).status()).toBe(200);
    await expect(panel.getByTestId('diff-totals')).toBeVisible();
  }

  /** Activates after the confirmation, and waits for the answer. */
  async activate(): Promise<void> {
    const panel = this.page.getByTestId('diff-panel');
    await panel.getByRole('button', { name: /^Activate on / }).click();
    const dialog = panel.getByRole('alertdialog');
    await expect(dialog).toContainText('Activate this model from');
    const activated = this.page.waitForResponse(isApi('POST', /\/activate$/), { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Activate', exact: true }).click();
    expect((await activated).status()).toBe(200);
  }
}
