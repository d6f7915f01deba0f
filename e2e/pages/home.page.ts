import { expect, type Locator, type Page } from '@playwright/test';

export const KPI_TITLES = ['Bookings this quarter', 'Win rate', 'Open pipeline', 'Pipeline coverage'] as const;
export type KpiTitle = (typeof KPI_TITLES)[number];

/** The home screen: outcome cards, the team chart, the deals and activities lists. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(this.kpiValue('Open pipeline')).toBeVisible();
  }

  kpi(title: KpiTitle): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The headline number of a card (absent when the card says why it has none). */
  kpiValue(title: KpiTitle): Locator {
    return this.kpi(title).getByTestId('kpi-value');
  }

  teamChart(): Locator {
    return this.page.getByRole('region', { name: 'Team pipeline by rep and stage' });
  }

  /** One button per rep with a bar in the team chart. */
  repButtons(): Locator {
    return this.teamChart().getByRole('button', { name: /: show only this rep$/ });
  }

  /** The bars of the chart, team-wide or narrowed. */
  bars(): Locator {
    return this.page.getByTestId('rep-bar');
  }

  closingThisMonth(): Locator {
    return this.page.getByRole('region', { name: 'Deals closing this month' });
  }

  overdueActivities(): Locator {
    return this.page.getByRole('region', { name: 'Overdue activities' });
  }

  /** Narrows the page to the rep of the n-th bar; answers her name. */
  async narrowToRep(index: number): Promise<string> {
    const button = this.repButtons().nth(index);
    const name = (await button.textContent())!.replace(/: show only this rep$/, '');
    await button.click();
    return name;
  }

  backToTeam(): Locator {
    return this.page.getByRole('button', { name: '← Back to team' });
  }
}
