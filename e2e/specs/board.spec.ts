import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from '../pages/board.page.js';
import { LoginPage } from '../pages/login.page.js';
import { RecordPage } from '../pages/record.page.js';
import { ShellPage } from '../pages/shell.page.js';

interface Stage {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
}

/** Today in the browser's (and this machine's) time zone: always inside "this quarter". */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The default pipeline's first two stages: where a new deal starts, and the next one. */
async function firstStages(page: Page): Promise<[Stage, Stage]> {
  const body = (await (await page.request.get('/api/v1/pipelines')).json()) as { items: { isDefault: boolean; stages: Stage[] }[] };
  const pipeline = body.items.find((p) => p.isDefault) ?? body.items[0];
  const stages = [...(pipeline?.stages ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  expect(stages.length).toBeGreaterThan(1);
  return [stages[0] as Stage, stages[1] as Stage];
}

/** A new deal of the signed-in rep, made through the API (creating one in the UI is tested elsewhere). */
async function createDeal(page: Page, name: string): Promise<string> {
  const csrf = await new ShellPage(page).csrf();
  const response = await page.request.post('/api/v1/opportunities', {
    data: { name, amountMinor: '1234500', closeDate: today() },
    headers: { 'x-csrf-token': csrf },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('a rep drags a deal to the next stage; the board keeps it there and the history records the move', async ({ page }) => {
  const name = `E2E board deal ${randomUUID().slice(0, 6)}`;
  await new LoginPage(page).signInAs('rep@example.com');
  const [first, next] = await firstStages(page);
  const id = await createDeal(page, name);

  const board = new BoardPage(page);
  await board.openFromNavigation();
  await expect(board.card(name, first.name)).toBeVisible();
  await expect(board.column(first.name).getByRole('link', { name, exact: true })).toHaveAttribute('href', `/opportunities/${id}`);

  await board.drag(name, next.name);
  await expect(board.card(name, next.name)).toBeVisible();
  await expect(board.card(name, first.name)).toHaveCount(0);
  await expect(board.moved(name, next.name)).toBeVisible();

  // The server's board, not only the optimistic one.
  await page.reload();
  await expect(board.card(name, next.name)).toBeVisible();

  const record = new RecordPage(page);
  await record.open('opportunities', id);
  await record.expectTitle(name);
  await expect(record.history()).toContainText(`Stage: ${first.name} → ${next.name}`);
});

test('a rep moves a deal with the keyboard, through the card\'s stage picker', async ({ page }) => {
  const name = `E2E keyboard deal ${randomUUID().slice(0, 6)}`;
  await new LoginPage(page).signInAs('rep@example.com');
  const [first, next] = await firstStages(page);
  const id = await createDeal(page, name);

  const board = new BoardPage(page);
  await board.open();
  await expect(board.card(name, first.name)).toBeVisible();
  await board.moveWithKeyboard(name, next.name);

  await expect(board.card(name, next.name)).toBeVisible();
  // Focus follows the card to its new column, so the keyboard user keeps her place.
  await expect(board.card(name, next.name)).toBeFocused();
  await expect(board.moved(name, next.name)).toBeVisible();

  const history = (await (await page.request.get(`/api/v1/opportunities/${id}/history`)).json()) as { items: { stageId: string; changedFields: string[] }[] };
  const last = history.items.at(-1);
  expect(last?.stageId).toBe(next.id);
  expect(last?.changedFields).toContain('stageId');
});

test('the board view lives in the URL: a chosen period survives a reload', async ({ page }) => {
  await new LoginPage(page).signInAs('manager@example.com');
  const board = new BoardPage(page);
  await board.open();
  await board.choosePeriod('Next quarter');
  await expect(page).toHaveURL(/\/board\?period=next-quarter$/);
  await page.reload();
  await expect(page.getByLabel('Close date')).toHaveValue('next-quarter');
  await expect(page.getByLabel('Owner')).toBeVisible();
});

test('a move of a deal changed meanwhile is refused, put back, and explained', async ({ page }) => {
  const name = `E2E stale deal ${randomUUID().slice(0, 6)}`;
  await new LoginPage(page).signInAs('rep@example.com');
  const [first, next] = await firstStages(page);
  const id = await createDeal(page, name);
  const board = new BoardPage(page);
  await board.open();
  await expect(board.card(name, first.name)).toBeVisible();

  // Someone else changes the deal after the board was loaded: the card's version is stale.
  const csrf = await new ShellPage(page).csrf();
  expect((await page.request.patch(`/api/v1/opportunities/${id}`, { data: { nextStep: 'Call back' }, headers: { 'x-csrf-token': csrf } })).status()).toBe(200);

  await board.drag(name, next.name);
  await expect(page.getByRole('alert')).toContainText(/changed/i);
  await expect(board.card(name, first.name)).toBeVisible();
  const history = (await (await page.request.get(`/api/v1/opportunities/${id}/history`)).json()) as { items: { stageId: string }[] };
  expect(history.items.every((h) => h.stageId === first.id)).toBe(true);
});
