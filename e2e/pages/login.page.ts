import { expect, type Page } from '@playwright/test';

/** The sign-in page and the shell a user lands in. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Sign in to Attain' })).toBeVisible();
  }

  async signIn(email: string, password = 'attain-demo'): Promise<void> {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async expectSignedInAs(role: string): Promise<void> {
    await expect(this.page.getByTestId('role')).toHaveText(`Role: ${role}`);
  }

  async abilities(): Promise<string[]> {
    return this.page.getByTestId('abilities').locator('li').allTextContents();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Attain' })).toBeVisible();
  }
}
