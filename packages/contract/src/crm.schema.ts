import { ACTIVITY_TYPES, FORECAST_CATEGORIES, LEAD_STATUSES, OPPORTUNITY_TYPES, PERSON_KINDS } from '@attain/core';
import { z } from 'zod';
import { Bps, CalendarDate, CurrencyCode, Id, Instant, MinorUnits, RecordMetaSchema } from './primitives.schema.js';

/*
 * Wire schemas of the CRM records. For each entity: the input fields (create is strict, so
 * unknown fields are rejected rather than silently dropped; update is the same, all optional,
 * plus the `version` it was read at), and the record as returned, with its ability map.
 */

const text = (max = 255) => z.string().trim().max(max);
const opt = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

type Shape = Record<string, z.ZodType>;

/** Create, update and record schemas of one entity from its input fields. */
function entitySchemas<I extends Shape, O extends Shape>(input: I, outputOnly: O) {
  const create = z.strictObject(input);
  const update = create.partial().extend({ version: z.number().int().min(1).optional() }).strict();
  const record = RecordMetaSchema.extend(create.shape).extend(outputOnly).required();
  return { create, update, record };
}

const externalId = opt(text(128).min(1));

export const Account = entitySchemas(
  {
    externalId,
    name: text().min(1),
    industry: opt(text(100)),
    employees: opt(z.number().int().min(0).max(2_147_483_647)),
    annualRevenueMinor: opt(MinorUnits),
    currency: CurrencyCode.optional(),
    website: opt(text(255)),
    street: opt(text(255)),
    city: opt(text(100)),
    region: opt(text(100)),
    postalCode: opt(text(20)),
    country: opt(text(100)),
    latitude: opt(z.number().min(-90).max(90)),
    longitude: opt(z.number().min(-180).max(180)),
    segment: opt(text(100)),
    potentialMinor: opt(MinorUnits),
    ownerId: opt(Id),
    parentId: opt(Id),
  },
  {},
);

export const Contact = entitySchemas(
  {
    externalId,
    accountId: opt(Id),
    firstName: opt(text(100)),
    lastName: text(100).min(1),
    email: opt(z.email().max(255)),
    phone: opt(text(50)),
    title: opt(text(100)),
    ownerId: opt(Id),
  },
  {},
);

export const Lead = entitySchemas(
  {
    externalId,
    firstName: opt(text(100)),
    lastName: text(100).min(1),
    email: opt(z.email().max(255)),
    phone: opt(text(50)),
    company: text().min(1),
    title: opt(text(100)),
    industry: opt(text(100)),
    source: opt(text(100)),
    status: z.enum(LEAD_STATUSES.filter((s) => s !== 'converted') as ['open', 'working', 'disqualified']).optional(),
    ownerId: opt(Id),
  },
  {
    status: z.enum(LEAD_STATUSES),
    convertedAt: Instant.nullable(),
    convertedAccountId: Id.nullable(),
    convertedContactId: Id.nullable(),
    convertedOpportunityId: Id.nullable(),
  },
);

export const Opportunity = entitySchemas(
  {
    externalId,
    name: text().min(1),
    accountId: opt(Id),
    ownerId: opt(Id),
    pipelineId: Id.optional(),
    stageId: Id.optional(),
    amountMinor: MinorUnits,
    currency: CurrencyCode.optional(),
    closeDate: CalendarDate,
    type: z.enum(OPPORTUNITY_TYPES).optional(),
    forecastCategory: z.enum(FORECAST_CATEGORIES).optional(),
    probabilityBps: Bps.optional(),
    nextStep: opt(text(255)),
    lostReason: opt(text(255)),
    /** Months the contract runs (1-120); its annual value is the amount over the years of it. Empty: a year or less. */
    contractTermMonths: opt(z.number().int().min(1).max(120)),
  },
  { territoryId: Id.nullable(), isClosed: z.boolean(), isWon: z.boolean(), closedAt: Instant.nullable() },
);

export const Activity = entitySchemas(
  {
    externalId,
    type: z.enum(ACTIVITY_TYPES),
    subject: text().min(1),
    accountId: opt(Id),
    contactId: opt(Id),
    opportunityId: opt(Id),
    leadId: opt(Id),
    ownerId: opt(Id),
    dueDate: opt(CalendarDate),
    doneAt: opt(Instant),
    notes: opt(text(10_000)),
  },
  {},
);

export const Person = entitySchemas(
  {
    externalId,
    name: text().min(1),
    email: opt(z.email().max(255)),
    title: opt(text(100)),
    kind: z.enum(PERSON_KINDS),
    hireDate: opt(CalendarDate),
    terminationDate: opt(CalendarDate),
    teamId: opt(Id),
    managerId: opt(Id),
  },
  {},
);

export const Team = entitySchemas({ externalId, name: text().min(1), leaderId: opt(Id), parentTeamId: opt(Id) }, {});

export const Product = entitySchemas(
  {
    externalId,
    name: text().min(1),
    sku: opt(text(64)),
    family: opt(text(100)),
    listPriceMinor: MinorUnits,
    currency: CurrencyCode.optional(),
    active: z.boolean().optional(),
  },
  {},
);

export const StageInput = z.strictObject({
  name: text(100).min(1),
  probabilityBps: Bps,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  isClosed: z.boolean(),
  isWon: z.boolean(),
});

export const StageRecord = StageInput.extend({ id: Id, pipelineId: Id, sortOrder: z.number().int() });

export const Pipeline = entitySchemas(
  { externalId, name: text(100).min(1), isDefault: z.boolean().optional(), stages: z.array(StageInput).min(2).max(30) },
  { stages: z.array(StageRecord) },
);

export const LineItem = entitySchemas(
  {
    externalId,
    productId: Id,
    quantity: z.number().int().min(0).max(1_000_000_000),
    unitPriceMinor: MinorUnits.optional(),
    discountBps: Bps.optional(),
  },
  { opportunityId: Id, unitPriceMinor: MinorUnits, totalMinor: MinorUnits },
);

export const OpportunityHistoryEntrySchema = z.object({
  seq: z.number().int(),
  changedAt: Instant,
  actorUserId: Id.nullable(),
  changedFields: z.array(z.string()),
  stageId: Id,
  amountMinor: MinorUnits,
  currency: z.string(),
  closeDate: CalendarDate,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  ownerId: Id.nullable(),
  territoryId: Id.nullable(),
});

export const LeadConversion = z.strictObject({
  /** Attach to this existing account instead of creating one from the lead's company. */
  accountId: Id.optional(),
  /** Create an opportunity too (default true) with these fields. */
  createOpportunity: z.boolean().optional(),
  opportunityName: text().min(1).optional(),
  amountMinor: MinorUnits.optional(),
  closeDate: CalendarDate.optional(),
});

export const LeadConversionResult = z.object({
  lead: Lead.record,
  accountId: Id,
  contactId: Id,
  opportunityId: Id.nullable(),
});
