import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { TerritoriesPage } from '../pages/territories.page.js';

// The server's "today" (UTC): an activation takes effect today or later.
const today = () => new Date().toISOString().slice(0, 10);

test('sales ops plans territories on the map, moves a county by hand, saves, dry-runs and activates', async ({ page }) => {
  test.setTimeout(180_000);
  await new LoginPage(page).signInAs('ops@example.com');
  const territories = new TerritoriesPage(page);

  await test.step('a new planning model starts empty', async () => {
    await territories.open();
    const map = await territories.createModel('FY27 West realignment');
    expect(map.territories).toEqual([]);
    await expect(territories.status).toHaveText('planning');
    await expect(territories.version).toHaveText('Version 1');
  });

  let map = { territories: [] as { key: string; name: string; accounts: number }[], counties: [] as { fips: string; territory: string | null; accounts: number; potentialMinor: string }[] };
  await test.step('the market supports so many territories of a minimum potential, and that count can be taken', async () => {
    const supported = page.getByTestId('supported-territories');
    await supported.getByLabel(/Least potential per territory/).fill('5000000');
    await supported.getByRole('button', { name: 'Count' }).click();
    await expect(supported.getByTestId('supported-result')).toContainText('territories of at least');
    await supported.getByRole('button', { name: /^Use \d+$/ }).click();
  });

  await test.step('optimizing into 8 territories on potential colours the counties and draws the balance', async () => {
    map = await territories.optimize({ territories: 8, measure: 'Potential', seed: '1' });
    expect(map.territories).toHaveLength(8);
    await expect(territories.version).toHaveText('Version 2');
    await expect(page.getByTestId('optimize-within-band')).toBeVisible();
    await expect(territories.map.locator('path.tm-county').first()).toBeAttached();
    expect(await territories.map.locator('path.tm-county').count()).toBeGreaterThan(3000);
    // Every county of the model's rules takes its territory's colour: far more than those with accounts.
    expect(await territories.map.locator('path.tm-county:not(.is-empty)').count()).toBeGreaterThan(map.counties.length);
    await expect(territories.chart.getByTestId('balance-bar')).toHaveCount(8);
    await expect(page.getByTestId('territory-row')).toHaveCount(8);
  });

  await test.step('moving a county by hand changes the figures at once and marks the draft unsaved', async () => {
    const before = { cv: await territories.metric('cv').textContent(), gini: await territories.metric('gini').textContent() };
    // The county of most potential, to the territory after its own.
    const county = [...map.counties].filter((c) => c.territory !== null).sort((a, b) => (BigInt(b.potentialMinor) > BigInt(a.potentialMinor) ? 1 : -1))[0]!;
    const from = map.territories.findIndex((t) => t.key === county.territory);
    const to = map.territories[(from + 1) % map.territories.length]!;
    await expect(territories.county(county.fips)).toHaveAttribute('data-territory', county.territory!);
    await territories.moveCounty(county.fips, to.name);
    await expect(territories.county(county.fips)).toHaveAttribute('data-territory', to.key);
    await expect(page.getByTestId('move-notice')).toContainText(`(${county.fips})`);
    await expect(territories.unsaved).toContainText('Unsaved changes');
    await expect.poll(async () => [await territories.metric('cv').textContent(), await territories.metric('gini').textContent()]).not.toEqual([before.cv, before.gini]);
  });

  await test.step('the draft is saved as the next version', async () => {
    await territories.save();
    await expect(territories.version).toHaveText('Version 3');
    await expect(territories.unsaved).toContainText('All changes saved');
  });

  await test.step('rebalancing today\'s territories moves no more than the cap and says how much moved', async () => {
    await territories.rebalance({ maxMoved: '5', tolerance: '3' });
    await expect(territories.version).toHaveText('Version 4');
    const moved = Number(/([\d.]+)% of the potential changes territory/.exec((await page.getByTestId('optimize-moved').textContent()) ?? '')?.[1]);
    expect(moved).toBeLessThanOrEqual(5);
    await expect(page.getByTestId('territory-row')).toHaveCount(8);
  });

  await test.step('the dry run for today shows what moves, per rep', async () => {
    await territories.dryRun(today());
    const totals = page.getByTestId('diff-totals');
    expect(Number((await totals.getByTestId('diff-accounts').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect(page.getByTestId('diff-rep-row').first()).toBeVisible();
  });

  await test.step('activating makes the model active and read only', async () => {
    await territories.activate();
    await expect(page.getByTestId('activate-result')).toContainText('Activated from');
    await expect(territories.status).toHaveText('active');
    await expect(page.getByTestId('optimize-panel')).toHaveCount(0);
    await expect(page.getByTestId('draft-bar')).toHaveCount(0);
    await expect(territories.map.locator('path.tm-county:not(.is-empty)').first()).toBeAttached();
  });
});
