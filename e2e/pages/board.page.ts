import { expect, type Locator, type Page } from '@playwright/test';

/** The pipeline board: one column (region) per stage, one card (article) per deal. */
export class BoardPage {
  constructor(private readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/board${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pipeline board' })).toBeVisible();
  }

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline board' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pipeline board' })).toBeVisible();
  }

  column(stage: string): Locator {
    return this.page.getByRole('region', { name: stage, exact: true });
  }

  card(name: string, stage?: string): Locator {
    return (stage ? this.column(stage) : this.page).getByRole('article', { name, exact: true });
  }

  /** Drags a card by the mouse onto another column. */
  async drag(name: string, toStage: string): Promise<void> {
    await this.card(name).dragTo(this.column(toStage));
  }

  /** The keyboard way: choose the stage in the card's picker, Tab to "Move", press Enter. */
  async moveWithKeyboard(name: string, toStage: string): Promise<void> {
    const picker = this.card(name).getByLabel('Move to stage');
    await picker.focus();
    await picker.selectOption({ label: toStage });
    await picker.press('Tab');
    await expect(this.card(name).getByRole('button', { name: 'Move' })).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /** The polite announcement once the server has accepted a move. */
  moved(name: string, stage: string): Locator {
    return this.page.getByRole('status').filter({ hasText: `Moved “${name}” to ${stage}.` });
  }

  async choosePeriod(label: string): Promise<void> {
    await this.page.getByLabel('Close date').selectOption({ label });
  }
}
