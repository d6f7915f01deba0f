import type { ActivityType, OpportunityType } from '@attain/core';

/** The demo company's price list (USD minor units per unit and year for subscriptions). */
export interface ProductDraft {
  readonly sku: string;
  readonly name: string;
  readonly family: string;
  readonly listPriceMinor: bigint;
  readonly active: boolean;
}

export const PRODUCTS: readonly ProductDraft[] = [
  { sku: 'PLT-PRO', name: 'Platform Professional (per seat)', family: 'Subscription', listPriceMinor: 48_000n, active: true },
  { sku: 'PLT-ENT', name: 'Platform Enterprise (per seat)', family: 'Subscription', listPriceMinor: 84_000n, active: true },
  { sku: 'ADD-ANL', name: 'Analytics Add-on (per seat)', family: 'Add-on', listPriceMinor: 12_000n, active: true },
  { sku: 'ADD-INT', name: 'Integration Hub', family: 'Add-on', listPriceMinor: 1_500_000n, active: true },
  { sku: 'SVC-IMP', name: 'Implementation Services', family: 'Services', listPriceMinor: 2_500_000n, active: true },
  { sku: 'SVC-TRN', name: 'Training Workshop', family: 'Services', listPriceMinor: 350_000n, active: true },
  { sku: 'SUP-PRM', name: 'Premium Support', family: 'Support', listPriceMinor: 960_000n, active: true },
  { sku: 'LEG-ONP', name: 'Legacy On-Premise License', family: 'Legacy', listPriceMinor: 5_000_000n, active: false },
];

export const LOST_REASONS: Readonly<Record<OpportunityType, readonly { reason: string; weight: number }[]>> = {
  new: [
    { reason: 'Lost to competitor', weight: 30 },
    { reason: 'No decision / status quo', weight: 25 },
    { reason: 'Price', weight: 15 },
    { reason: 'Budget cut', weight: 10 },
    { reason: 'Timing', weight: 8 },
    { reason: 'Product fit', weight: 7 },
    { reason: 'Champion left', weight: 5 },
  ],
  expansion: [
    { reason: 'No budget this year', weight: 35 },
    { reason: 'Low adoption', weight: 25 },
    { reason: 'Price', weight: 20 },
    { reason: 'Timing', weight: 20 },
  ],
  renewal: [
    { reason: 'Churned: switched vendor', weight: 40 },
    { reason: 'Churned: budget', weight: 30 },
    { reason: 'Company acquired', weight: 15 },
    { reason: 'Churned: low adoption', weight: 15 },
  ],
};

/** Next steps by how far a deal has come (0 = first open stage). */
export const NEXT_STEPS: readonly (readonly string[])[] = [
  ['Qualify budget and timeline', 'Book discovery call', 'Confirm decision maker', 'Send intro deck'],
  ['Map current process', 'Schedule demo with sales ops', 'Identify champion', 'Collect requirements'],
  ['Technical deep dive', 'Run pilot', 'Security questionnaire', 'Solution workshop with IT'],
  ['Send proposal', 'Review pricing with CFO', 'Business case review', 'Reference call'],
  ['Legal redlines', 'Procurement paperwork', 'Final signature', 'Agree payment terms'],
];

export const LEAD_SOURCES: readonly { source: string; weight: number }[] = [
  { source: 'Web', weight: 30 },
  { source: 'Webinar', weight: 12 },
  { source: 'Trade show', weight: 10 },
  { source: 'Referral', weight: 12 },
  { source: 'Outbound', weight: 22 },
  { source: 'Partner', weight: 8 },
  { source: 'Content download', weight: 6 },
];

export const ACTIVITY_WEIGHTS: Readonly<Record<ActivityType, number>> = { email: 40, call: 30, meeting: 20, task: 10 };

/** Subjects of logged activities; `{c}` is the contact's first name, `{s}` the stage name. */
export const ACTIVITY_SUBJECTS: Readonly<Record<ActivityType, readonly string[]>> = {
  call: ['Discovery call with {c}', 'Follow-up call with {c}', 'Check-in call: {s}', 'Pricing call with {c}', 'Call {c} about next steps'],
  meeting: ['Demo for {c} and team', 'On-site meeting: {s}', 'Solution workshop', 'Executive briefing with {c}', 'Quarterly business review'],
  email: ['Sent recap to {c}', 'Sent proposal to {c}', 'Shared case study with {c}', 'Sent security documentation', 'Follow-up email: {s}'],
  task: ['Update mutual action plan', 'Prepare business case', 'Log requirements from {c}', 'Prepare pricing options', 'Internal deal review'],
};

export const STREET_NAMES: readonly string[] = [
  'Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Market', 'Commerce', 'Industrial',
  'Center', 'Broad', 'Church', 'Mill', 'River', 'Spring', 'Highland', 'Jefferson', 'Lincoln', 'Madison', 'Franklin', 'Union',
  'Liberty', 'Railroad', 'Airport', 'Technology', 'Corporate', 'Enterprise', 'Innovation', 'Harbor', 'Meridian', 'Summit',
];
export const STREET_TYPES: readonly string[] = ['St', 'Ave', 'Blvd', 'Rd', 'Dr', 'Way', 'Pkwy', 'Ct', 'Pl'];
