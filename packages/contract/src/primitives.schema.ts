import { isCalendarDate, isCurrencyCode } from '@attain/core';
import { z } from 'zod';

/** Money on the wire: an integer count of minor units as a decimal string ("125000" = 1,250.00 USD). */
const INT64_MAX = 2n ** 63n - 1n;
export const MinorUnits = z
  .string()
  .regex(/^-?\d{1,19}$/, 'must be an integer number of minor units, as a string')
  // Zod runs this check even when the pattern failed: only judge well-formed integers here.
  .refine((v) => !/^-?\d{1,19}$/.test(v) || (BigInt(v) <= INT64_MAX && BigInt(v) >= -INT64_MAX), 'is outside the range of a 64-bit amount');
export const CalendarDate = z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD');
export const Instant = z.string();
export const CurrencyCode = z.string().refine(isCurrencyCode, 'must be a 3-letter ISO 4217 code');
export const Id = z.string().min(1).max(64);
export const Bps = z.number().int().min(0).max(10_000);

export const AbilityMapSchema = z.object({ read: z.boolean(), update: z.boolean(), archive: z.boolean() });

export const RecordMetaSchema = z.object({
  id: Id,
  externalId: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  archivedAt: Instant.nullable(),
  version: z.number().int(),
  abilities: AbilityMapSchema,
});

/** Generic list query: search, sort ('-field' for descending), page size and cursor. */
export const ListQueryBase = z.object({
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(512).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
