import { LAST_NAMES } from './names.js';
import type { Rng } from './prng.js';

/**
 * An industry of the demo accounts: its share of accounts, revenue per employee (USD) and
 * the potential factor (basis points) used by the potential formula (docs/demo-data.md).
 */
export interface Industry {
  readonly name: string;
  readonly weight: number;
  readonly revenuePerEmployee: number;
  readonly potentialBps: number;
  readonly nouns: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: 'Software & Internet', weight: 10, revenuePerEmployee: 260_000, potentialBps: 15_000, nouns: ['Software', 'Systems', 'Labs', 'Technologies', 'Cloud', 'Data', 'Digital', 'Networks'] },
  { name: 'Financial Services', weight: 8, revenuePerEmployee: 400_000, potentialBps: 14_000, nouns: ['Capital', 'Financial', 'Bank', 'Credit Union', 'Wealth Partners', 'Investments', 'Trust'] },
  { name: 'Insurance', weight: 4, revenuePerEmployee: 350_000, potentialBps: 12_000, nouns: ['Insurance', 'Mutual', 'Assurance', 'Underwriters', 'Risk Partners'] },
  { name: 'Healthcare', weight: 9, revenuePerEmployee: 130_000, potentialBps: 11_000, nouns: ['Health', 'Medical Group', 'Health System', 'Clinics', 'Care Partners', 'Hospital'] },
  { name: 'Life Sciences', weight: 3, revenuePerEmployee: 450_000, potentialBps: 13_000, nouns: ['Biosciences', 'Therapeutics', 'Pharma', 'Diagnostics', 'Bio Labs'] },
  { name: 'Manufacturing', weight: 12, revenuePerEmployee: 300_000, potentialBps: 9_000, nouns: ['Manufacturing', 'Industries', 'Fabrication', 'Components', 'Machine Works', 'Tool & Die', 'Plastics'] },
  { name: 'Retail', weight: 7, revenuePerEmployee: 200_000, potentialBps: 8_000, nouns: ['Outfitters', 'Market', 'Stores', 'Supply', 'Goods', 'Mercantile'] },
  { name: 'Consumer Goods', weight: 5, revenuePerEmployee: 320_000, potentialBps: 9_000, nouns: ['Brands', 'Foods', 'Beverage', 'Home Products', 'Apparel'] },
  { name: 'Transportation & Logistics', weight: 6, revenuePerEmployee: 220_000, potentialBps: 9_500, nouns: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Carriers', 'Trucking'] },
  { name: 'Energy & Utilities', weight: 3, revenuePerEmployee: 700_000, potentialBps: 10_000, nouns: ['Energy', 'Power', 'Utilities', 'Solar', 'Electric Cooperative'] },
  { name: 'Telecommunications', weight: 2, revenuePerEmployee: 450_000, potentialBps: 12_000, nouns: ['Communications', 'Telecom', 'Wireless', 'Broadband', 'Fiber'] },
  { name: 'Media & Entertainment', weight: 3, revenuePerEmployee: 280_000, potentialBps: 10_000, nouns: ['Media', 'Studios', 'Broadcasting', 'Publishing', 'Entertainment'] },
  { name: 'Professional Services', weight: 9, revenuePerEmployee: 180_000, potentialBps: 12_000, nouns: ['Consulting', 'Advisors', 'Partners', 'Associates', 'Group', 'Staffing'] },
  { name: 'Construction & Real Estate', weight: 7, revenuePerEmployee: 250_000, potentialBps: 8_000, nouns: ['Construction', 'Builders', 'Properties', 'Realty', 'Contractors', 'Development'] },
  { name: 'Education', weight: 4, revenuePerEmployee: 90_000, potentialBps: 7_000, nouns: ['Academy', 'College', 'Learning', 'Schools', 'Institute'] },
  { name: 'Hospitality & Travel', weight: 4, revenuePerEmployee: 90_000, potentialBps: 7_500, nouns: ['Hotels', 'Hospitality', 'Resorts', 'Travel', 'Restaurant Group'] },
  { name: 'Agriculture', weight: 2, revenuePerEmployee: 400_000, potentialBps: 7_000, nouns: ['Farms', 'Agriculture', 'Growers', 'Seed Co.', 'Ag Cooperative'] },
  { name: 'Nonprofit', weight: 2, revenuePerEmployee: 110_000, potentialBps: 6_000, nouns: ['Foundation', 'Alliance', 'Community Services', 'Trust Fund'] },
];

const ROOTS: readonly string[] = [
  'Summit', 'Pioneer', 'Keystone', 'Cascade', 'Redwood', 'Ironwood', 'Silver Lake', 'Northstar', 'Granite', 'Harbor', 'Prairie',
  'Copper', 'Evergreen', 'Liberty', 'Meridian', 'Atlas', 'Beacon', 'Crescent', 'Frontier', 'Horizon', 'Lakeshore', 'Maple',
  'Oakridge', 'Pinnacle', 'Riverbend', 'Sterling', 'Tidewater', 'Union', 'Vanguard', 'Westfield', 'Bluewater', 'Clearview',
  'Highland', 'Lone Star', 'Blue Ridge', 'Red Rock', 'Golden Gate', 'Bayside', 'Stonebridge', 'Cedar', 'Willow Creek', 'Falcon',
  'Eagle', 'Patriot', 'Heritage', 'Landmark', 'Midland', 'Southfork', 'Twin Rivers', 'Great Plains', 'Coastal', 'Canyon', 'Mesa',
  'Sierra', 'Aspen', 'Juniper', 'Sequoia', 'Magnolia', 'Palmetto', 'Bluebonnet', 'Cardinal', 'Keystone State', 'Empire', 'Gateway',
];

const COINED_HEADS: readonly string[] = ['Nova', 'Veri', 'Opti', 'Cyg', 'Zen', 'Lumi', 'Quan', 'Astra', 'Prax', 'Vita', 'Omni', 'Syn', 'Ever', 'Terra', 'Aero', 'Kine', 'Solu', 'Argo', 'Tela', 'Mira'];
const COINED_TAILS: readonly string[] = ['tek', 'on', 'ica', 'ia', 'ex', 'ium', 'ara', 'is', 'ent', 'ix', 'ora', 'via', 'sys', 'nex'];
const SUFFIXES: readonly string[] = ['Inc.', 'LLC', 'Corp.', 'Co.', 'Group', 'Holdings', '', '', '', ''];

/** Drops the legal suffix: "Summit Logistics Inc." -> "Summit Logistics". */
export function shortCompanyName(name: string): string {
  return name.replace(/ (Inc\.|LLC|Corp\.|Co\.|Group|Holdings|LLP)$/, '');
}

function candidate(rng: Rng, industry: Industry, city: string): string {
  const noun = rng.pick(industry.nouns);
  const suffix = rng.pick(SUFFIXES);
  const withSuffix = (base: string) => (suffix ? `${base} ${suffix}` : base);
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return withSuffix(`${rng.pick(ROOTS)} ${noun}`);
    case 3:
    case 4:
      return city.length <= 14 ? withSuffix(`${city} ${noun}`) : withSuffix(`${rng.pick(ROOTS)} ${noun}`);
    case 5:
    case 6:
      return withSuffix(`${rng.pick(LAST_NAMES)} ${noun}`);
    case 7:
      return industry.name === 'Professional Services'
        ? `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} LLP`
        : withSuffix(`${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} ${noun}`);
    default:
      return withSuffix(`${rng.pick(COINED_HEADS)}${rng.pick(COINED_TAILS)} ${noun}`);
  }
}

/**
 * Company names unique within one demo org. Word lists, an industry noun and sometimes the
 * city make several million combinations; the rare clash gets the city appended.
 */
export class CompanyNames {
  private readonly used = new Set<string>();

  next(rng: Rng, industry: Industry, city: string, state: string): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = candidate(rng, industry, city);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    for (let n = 1; ; n++) {
      const name = `${shortCompanyName(candidate(rng, industry, city))} of ${city}, ${state}${n > 1 ? ` ${n}` : ''}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  /** Marks a name as taken (names made outside `next`, like a subsidiary's). */
  take(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }
}

/** A web domain for a company name: its words, lower case, letters only, at most 28 characters. */
export function domainOf(name: string): string {
  const slug = shortCompanyName(name)
    .normalize('NFKD')
    .replace(/&/g, 'and')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
    .slice(0, 28);
  return `${slug || 'company'}.com`;
}
