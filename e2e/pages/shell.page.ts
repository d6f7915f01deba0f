import { expect, type Page } from '@playwright/test';

/** The frame around every screen: navigation, who is signed in, the command palette. */
export class ShellPage {
  constructor(private readonly page: Page) {}

  async navItems(): Promise<string[]> {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
  }

  async expectSignedInAs(role: string): Promise<void> {
    await expect(this.page.getByTestId('who')).toContainText(role.replace('_', ' '));
  }

  async go(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Attain' })).toBeVisible();
  }

  /** Ctrl+K, type, and choose the first result that has this text. */
  async searchAndOpen(text: string, result: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    const box = this.page.getByRole('combobox', { name: 'Search records or type a command' });
    await box.fill(text);
    await this.page.getByRole('option', { name: new RegExp(result) }).first().click();
  }

  /** The CSRF token of the session, for setting up data through the API in a test. */
  async csrf(): Promise<string> {
    return (await (await this.page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  }
}
