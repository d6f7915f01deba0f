import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'attain-demo';

/** The sign-in page, and the session-expired dialog that carries the same form. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Sign in to Attain' })).toBeVisible();
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Opens the app and signs in, waiting for the shell. */
  async signInAs(email: string): Promise<void> {
    await this.open();
    await this.signIn(email);
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
}
