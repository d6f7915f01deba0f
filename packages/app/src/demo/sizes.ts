export type DemoSize = 'small' | 'medium' | 'large';

/** The shape of one demo size. Counts are targets; the generated ones vary a little by seed. */
export interface SizeConfig {
  readonly directors: number;
  readonly managersPerDirector: number;
  readonly aesPerManager: number;
  readonly sdrsPerManager: number;
  readonly amsPerDirector: number;
  readonly sesPerDirector: number;
  readonly accounts: number;
  /**
   * Mean count of new and expansion deals per account over the two years, before the segment
   * factor (SMB 0.7, Mid-Market 1.1, Enterprise 1.8). Renewals come on top, so this is tuned
   * to give the size's opportunity count: small ~6,000, medium ~100,000, large ~1,000,000.
   */
  readonly dealsPerAccount: number;
  readonly contactsPerAccount: readonly [number, number];
  /** Share of an opportunity's touch points that get a logged activity (0..1). */
  readonly activityRate: number;
  /** Open and disqualified leads per AE territory (converted leads come with deals). */
  readonly leadsPerTerritory: number;
  /** Flush buffered rows to the database past this many. */
  readonly flushRows: number;
  /**
   * One transaction for the whole seed (all-or-nothing) or one per flushed chunk (large:
   * a failure leaves the chunks written so far).
   */
  readonly singleTransaction: boolean;
}

export const SIZES: Readonly<Record<DemoSize, SizeConfig>> = {
  small: {
    directors: 2, managersPerDirector: 2, aesPerManager: 5, sdrsPerManager: 1, amsPerDirector: 2, sesPerDirector: 1,
    accounts: 1_500, dealsPerAccount: 4.6, contactsPerAccount: [2, 5], activityRate: 0.8, leadsPerTerritory: 80,
    flushRows: 20_000, singleTransaction: true,
  },
  medium: {
    directors: 4, managersPerDirector: 5, aesPerManager: 7, sdrsPerManager: 1, amsPerDirector: 5, sesPerDirector: 2,
    accounts: 10_000, dealsPerAccount: 14, contactsPerAccount: [2, 4], activityRate: 0.5, leadsPerTerritory: 60,
    flushRows: 40_000, singleTransaction: true,
  },
  large: {
    directors: 8, managersPerDirector: 12, aesPerManager: 10, sdrsPerManager: 2, amsPerDirector: 20, sesPerDirector: 6,
    accounts: 100_000, dealsPerAccount: 14, contactsPerAccount: [1, 3], activityRate: 0.3, leadsPerTerritory: 30,
    flushRows: 60_000, singleTransaction: false,
  },
};

export const DEMO_SIZES = Object.keys(SIZES) as DemoSize[];
