import { divideRounded, type Account, type Contact } from '@attain/core';
import { STREET_NAMES, STREET_TYPES } from './catalog.js';
import { CompanyNames, domainOf, INDUSTRIES, shortCompanyName, type Industry } from './companies.js';
import type { Segment } from './deal-products.js';
import type { DemoIds } from './demo-context.js';
import { CONTACT_TITLES, emailLocalPart, randomName } from './names.js';
import type { OwnerTimeline } from './opportunities.js';
import type { Place } from './places.js';
import type { Rng } from './prng.js';
import { businessMinute, instantAt } from './timeline.js';

/** What the generator knows of an account before it becomes a record. */
export interface AccountProfile {
  readonly id: string;
  readonly name: string;
  readonly industry: Industry;
  readonly segment: Segment;
  readonly employees: number;
  readonly annualRevenueMinor: bigint;
  readonly potentialMinor: bigint;
  readonly place: Place;
  readonly latitude: number;
  readonly longitude: number;
  readonly street: string;
  readonly domain: string;
  readonly parentId: string | null;
}

/** Market factor of a place by population, in basis points (documented in docs/demo-data.md). */
export function cityFactorBps(population: number): number {
  if (population >= 1_000_000) return 13_000;
  if (population >= 250_000) return 11_500;
  if (population >= 50_000) return 10_000;
  if (population >= 10_000) return 9_000;
  return 8_000;
}

/** Yearly list price per seat the potential is counted in: USD 500. */
export const POTENTIAL_SEAT_PRICE_MINOR = 50_000n;
export const POTENTIAL_MAX_SEATS = 20_000;

/**
 * What an account could spend with us in a year (minor units): seats (employees, at most
 * 20,000) x USD 500 x industry factor x city factor, rounded half-even once to whole dollars.
 */
export function potentialOf(employees: number, industry: Industry, population: number): bigint {
  const seats = BigInt(Math.min(employees, POTENTIAL_MAX_SEATS));
  const numerator = seats * POTENTIAL_SEAT_PRICE_MINOR * BigInt(industry.potentialBps) * BigInt(cityFactorBps(population));
  return divideRounded(numerator, 10_000_000_000n) * 100n;
}

/** Bigger places hold more large companies. */
function segmentFor(rng: Rng, population: number): Segment {
  const [enterprise, midMarket] = population >= 500_000 ? [0.22, 0.38] : population >= 100_000 ? [0.14, 0.36] : population >= 20_000 ? [0.08, 0.32] : [0.04, 0.26];
  const u = rng.next();
  return u < enterprise ? 'Enterprise' : u < enterprise + midMarket ? 'Mid-Market' : 'SMB';
}

function employeesFor(rng: Rng, segment: Segment): number {
  const logUniform = (min: number, max: number, skew = 1) => Math.round(min * (max / min) ** (rng.next() ** skew));
  if (segment === 'SMB') return logUniform(10, 199);
  if (segment === 'Mid-Market') return logUniform(200, 1999);
  return logUniform(2000, 50_000, 2);
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/**
 * A company at a real place: name, industry, size, revenue and potential. A subsidiary takes
 * its parent's industry and name. Coordinates are jittered by about a kilometre or two so
 * companies of one town do not sit on one point.
 */
export function profileAccount(rng: Rng, ids: DemoIds, names: CompanyNames, place: Place, parent: AccountProfile | null): AccountProfile {
  const industry = parent?.industry ?? rng.weighted(INDUSTRIES, (i) => i.weight);
  let name = parent ? `${shortCompanyName(parent.name)} - ${place.name}` : names.next(rng, industry, place.name, place.state);
  if (parent && !names.take(name)) name = names.next(rng, industry, place.name, place.state);
  const segment = parent ? (rng.chance(0.5) ? 'Mid-Market' : 'SMB') : segmentFor(rng, place.population);
  const employees = employeesFor(rng, segment);
  const revenueDollars = divideRounded(BigInt(employees) * BigInt(industry.revenuePerEmployee) * BigInt(rng.int(7_000, 14_000)), 10_000_000n) * 1_000n;
  return {
    id: ids.next('acc'), name, industry, segment, employees, annualRevenueMinor: revenueDollars * 100n,
    potentialMinor: potentialOf(employees, industry, place.population), place,
    latitude: round5(place.latitude + (rng.next() - 0.5) * 0.03), longitude: round5(place.longitude + (rng.next() - 0.5) * 0.04),
    street: `${rng.int(1, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)}`,
    domain: parent ? domainOf(parent.name) : domainOf(name), parentId: parent?.id ?? null,
  };
}

/** The owner of a record created on `createdDay` today, and how often it changed hands. */
export interface Ownership {
  readonly ownerId: string;
  readonly version: number;
  readonly updatedAt: string;
}

export function ownershipOf(owner: OwnerTimeline, createdDay: number, createdAt: string, asOfDay: number): Ownership {
  const changes = owner.changes(createdDay, asOfDay - 1);
  const last = changes[changes.length - 1];
  if (last === undefined) return { ownerId: owner.ownerAt(createdDay), version: 1, updatedAt: createdAt };
  return { ownerId: owner.ownerAt(last), version: 1 + changes.length, updatedAt: instantAt(last, 16 * 60 + 30) };
}

export function accountRecord(p: AccountProfile, orgId: string, currency: string, createdAt: string, own: Ownership): Account {
  return {
    id: p.id, orgId, externalId: null, createdAt, updatedAt: own.updatedAt, archivedAt: null, version: own.version,
    name: p.name, industry: p.industry.name, employees: p.employees, annualRevenueMinor: p.annualRevenueMinor, currency,
    website: `www.${p.domain}`, street: p.street, city: p.place.name, region: p.place.state, postalCode: null, country: 'US',
    latitude: p.latitude, longitude: p.longitude, segment: p.segment, potentialMinor: p.potentialMinor, ownerId: own.ownerId,
    parentId: p.parentId,
  };
}

/** One contact at an account, created on `day`. */
export function contactRecord(rng: Rng, ids: DemoIds, p: AccountProfile, orgId: string, day: number, owner: OwnerTimeline, asOfDay: number): Contact {
  const name = randomName(rng);
  const createdAt = instantAt(day, businessMinute(rng));
  const own = ownershipOf(owner, day, createdAt, asOfDay);
  return {
    id: ids.next('con'), orgId, externalId: null, createdAt, updatedAt: own.updatedAt, archivedAt: null, version: own.version,
    accountId: p.id, firstName: name.first, lastName: name.last, email: `${emailLocalPart(name)}@${p.domain}`,
    phone: `+1-${rng.int(201, 989)}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    title: rng.weighted(CONTACT_TITLES, (t) => t.weight).title, ownerId: own.ownerId,
  };
}
