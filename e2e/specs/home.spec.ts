import { expect, test } from '@playwright/test';
import { HomePage } from '../pages/home.page.js';
import { LoginPage } from '../pages/login.page.js';

interface HomeFigures {
  winRate: { won: number; lost: number };
  openPipeline: { count: number };
  overdueActivityCount: number;
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

test('a rep sees her own outcomes first, with real numbers, and no team chart', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('rep@example.com');
  const home = new HomePage(page);
  await home.expectLoaded();
  const figures = (await (await page.request.get('/api/v1/home')).json()) as HomeFigures;

  await expect(home.kpiValue('Bookings this quarter')).toHaveText(/\d/);
  // Her target is her quarter's quota from her plan assignment.
  await expect(home.kpi('Bookings this quarter')).toContainText(/\d+% of \$[\d,.]+ target/);
  expect(figures.winRate.won + figures.winRate.lost).toBeGreaterThan(0);
  await expect(home.kpiValue('Win rate')).toHaveText(/^\d+%$/);
  await expect(home.kpi('Win rate')).toContainText(`${count(figures.winRate.won)} won / ${count(figures.winRate.won + figures.winRate.lost)} closed (${count(figures.winRate.lost)} lost)`);
  await expect(home.kpiValue('Open pipeline')).toHaveText(/\d/);
  await expect(home.kpi('Open pipeline')).toContainText(`${count(figures.openPipeline.count)} deals open`);
  await expect(home.kpi('Pipeline coverage')).toContainText(/\d+\.\d\d×|Target met/);

  await expect(home.closingThisMonth()).toBeVisible();
  await expect(home.overdueActivities()).toBeVisible();
  expect(figures.overdueActivityCount).toBeGreaterThan(0);
  await expect(home.overdueActivities().getByTestId('overdue-count')).toHaveText(count(figures.overdueActivityCount));
  await expect(home.overdueActivities().getByRole('link').first()).toHaveAttribute('href', /^\/(activities|accounts)\//);

  await expect(home.teamChart()).toHaveCount(0);
  await expect(home.bars()).toHaveCount(0);
});

test('a manager sees the team by rep and stage, narrows the home to one rep and comes back', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('manager@example.com');
  const home = new HomePage(page);
  await home.expectLoaded();

  await expect(home.teamChart()).toBeVisible();
  await expect(home.repButtons().first()).toBeVisible();
  const reps = await home.repButtons().count();
  expect(reps).toBeGreaterThan(1);
  await expect(home.bars()).toHaveCount(reps);
  await expect(home.teamChart().getByRole('list', { name: 'Stages' }).getByRole('listitem').first()).toBeVisible();
  const teamPipeline = await home.kpiValue('Open pipeline').textContent();

  // The second rep: never the largest, so her pipeline is less than the team's.
  const name = await home.narrowToRep(1);
  await expect(page).toHaveURL(/\?ownerId=per_/);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(`Showing ${name} only`);
  await expect(home.backToTeam()).toBeFocused();
  await expect(home.teamChart()).toHaveCount(0);
  await expect(home.bars()).toHaveCount(1);
  await expect(home.bars().first()).toHaveAttribute('aria-label', new RegExp(`^${name}: `));
  await expect(home.kpiValue('Open pipeline')).not.toHaveText(teamPipeline!);
  await expect(home.closingThisMonth().getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);

  await home.backToTeam().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(home.repButtons()).toHaveCount(reps);
  await expect(home.kpiValue('Open pipeline')).toHaveText(teamPipeline!);
});
