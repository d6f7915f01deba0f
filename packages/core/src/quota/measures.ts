/*
 * Quotas of measures other than the money quota that a plan assignment may carry, each with its
 * unit and the credit type that counts towards it (docs/pay-cycle.md, "Quotas of other
 * measures"). A new logo is a won deal of type new business: a customer won for the first time;
 * ACV is what a won new or expansion deal is worth a year.
 */
export const MEASURE_QUOTAS = {
  'new-logos': { label: 'New logos', name: 'new logos', unit: 'count', creditType: 'new-logo' },
  // Annual contract value: a deal's amount over the years of its contract term (comp/annual-value.ts).
  acv: { label: 'ACV', name: 'ACV', unit: 'money', creditType: 'acv' },
} as const;

export type QuotaMeasure = keyof typeof MEASURE_QUOTAS;
export const QUOTA_MEASURE_NAMES = Object.keys(MEASURE_QUOTAS) as QuotaMeasure[];
export const isQuotaMeasure = (name: string): name is QuotaMeasure => Object.hasOwn(MEASURE_QUOTAS, name);

/** What a quota plan allocates: the money quota (bookings) or a quota of another measure. */
export const QUOTA_PLAN_MEASURES = ['bookings', ...QUOTA_MEASURE_NAMES] as const;
export type QuotaPlanMeasure = 'bookings' | QuotaMeasure;

/** A measure as a heading says it ("Bookings", "New logos"); an unknown one as written. */
export const measureLabel = (measure: string): string => (measure === 'bookings' ? 'Bookings' : Object.hasOwn(MEASURE_QUOTAS, measure) ? MEASURE_QUOTAS[measure as QuotaMeasure].label : measure);

/** A measure inside a sentence ("last year's new logos"). */
export const measureName = (measure: string): string => (Object.hasOwn(MEASURE_QUOTAS, measure) ? MEASURE_QUOTAS[measure as QuotaMeasure].name : measureLabel(measure).toLowerCase());

/** Money (minor units of the organisation's currency) or a count. */
export const unitOfMeasure = (measure: QuotaPlanMeasure): 'money' | 'count' => (measure === 'bookings' ? 'money' : MEASURE_QUOTAS[measure].unit);
