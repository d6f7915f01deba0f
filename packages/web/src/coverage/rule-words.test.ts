import { describe, expect, it } from 'vitest';
import { formatHours, formatInteger, ruleInWords } from './rule-words.js';

describe('ruleInWords', () => {
  it('says conditions in plain words, numbers grouped and money exact from minor units', () => {
    expect(ruleInWords({ field: 'employees', op: 'gte', value: '1000' }, 'USD')).toBe('employees ≥ 1,000');
    // Past 2^53 minor units a float would lose the cents.
    expect(ruleInWords({ field: 'annualRevenueMinor', op: 'lt', value: '900719925474099312' }, 'USD')).toBe('annual revenue < $9,007,199,254,740,993.12');
    expect(ruleInWords({ field: 'potentialMinor', op: 'gt', value: '50000' }, 'JPY')).toBe('potential > ¥50,000');
    expect(ruleInWords({ field: 'region', op: 'in', values: ['EMEA', 'APAC'] }, 'USD')).toBe('region is one of EMEA, APAC');
    expect(ruleInWords({ field: 'postalCode', op: 'isEmpty' }, 'USD')).toBe('postal code is empty');
    expect(ruleInWords({ field: 'industry', op: 'isNot', value: 'Retail' }, 'USD')).toBe('industry is not Retail');
  });

  it('joins groups with and/or, brackets nested groups and negations, and calls no rule everything else', () => {
    const rule = { all: [{ field: 'employees', op: 'gte', value: '100' }, { any: [{ field: 'country', op: 'is', value: 'DE' }, { not: { field: 'city', op: 'isSet' } }] }] };
    expect(ruleInWords(rule, 'USD')).toBe('employees ≥ 100 and (country is DE or not (city is set))');
    expect(ruleInWords(null, 'USD')).toBe('everything else');
  });
});

describe('formatHours', () => {
  it('groups the whole hours and keeps the decimals as given', () => {
    expect(formatHours('1200')).toBe('1,200');
    expect(formatHours('12345.25')).toBe('12,345.25');
    expect(formatInteger('12345678901234567890')).toBe('12,345,678,901,234,567,890');
  });
});
