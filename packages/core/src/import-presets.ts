
/*
 * Column presets: the headers that Salesforce (report and list-view exports, US English)
 * and HubSpot (object exports) write, each mapped to one of our native column names. The
 * source system's record id becomes our external id, so a re-import upserts; relations to
 * other records go to `…ExternalId` (the other system's id) or `…Name` columns. Headers
 * match case-insensitively; our native names are always understood as well. Plain data in
 * core, so the server applies and the web app's import wizard shows the very same presets.
 */

/** The CRM entities a CSV file can hold (import and export). */
export const CSV_ENTITIES = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'people'] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

export const IMPORT_PRESETS = ['native', 'salesforce', 'hubspot'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export const isImportPreset = (value: string): value is ImportPreset => (IMPORT_PRESETS as readonly string[]).includes(value);

export interface Preset {
  /** Source header -> native column name. */
  readonly columns: Readonly<Record<string, string>>;
  /** Values a new record gets when the file has none (fields the source system does not have). */
  readonly defaults?: Readonly<Record<string, string>>;
  /** A one-cell row that starts the report footer: it and everything after it are not data. */
  readonly footer?: RegExp;
}

/** Salesforce report exports end with "Grand Totals (n records)", a copyright line and who generated them. */
const SALESFORCE_FOOTER = /^Grand Totals \(/;

/**
 * Salesforce API field names, as Data Loader and the weekly data export write them; ids of
 * other objects (AccountId, OwnerId...) are Salesforce ids, so they become external ids.
 */
const SALESFORCE_API: Readonly<Record<CsvEntity, Readonly<Record<string, string>>>> = {
  accounts: {
    Id: 'externalId', Name: 'name', NumberOfEmployees: 'employees', AnnualRevenue: 'annualRevenue', BillingStreet: 'street',
    BillingCity: 'city', BillingState: 'region', BillingPostalCode: 'postalCode', BillingCountry: 'country', OwnerId: 'ownerExternalId',
    ParentId: 'parentExternalId', CurrencyIsoCode: 'currency',
  },
  contacts: { Id: 'externalId', FirstName: 'firstName', LastName: 'lastName', AccountId: 'accountExternalId', OwnerId: 'ownerExternalId' },
  leads: { Id: 'externalId', FirstName: 'firstName', LastName: 'lastName', LeadSource: 'source', Status: 'status', OwnerId: 'ownerExternalId' },
  opportunities: {
    Id: 'externalId', Name: 'name', AccountId: 'accountExternalId', CloseDate: 'closeDate', StageName: 'stageName',
    ForecastCategoryName: 'forecastCategory', NextStep: 'nextStep', OwnerId: 'ownerExternalId', CurrencyIsoCode: 'currency',
  },
  activities: {
    Id: 'externalId', ActivityDate: 'dueDate', OwnerId: 'ownerExternalId', AccountId: 'accountExternalId', WhoId: 'contactExternalId',
    WhatId: 'opportunityExternalId', TaskSubtype: 'type',
  },
  people: { Id: 'externalId', Name: 'name', ManagerId: 'managerExternalId' },
};

const SALESFORCE_REPORTS: Readonly<Record<CsvEntity, Preset>> = {
  accounts: {
    columns: {
      'Account ID': 'externalId', 'Account Name': 'name', Industry: 'industry', Employees: 'employees', 'Annual Revenue': 'annualRevenue',
      'Account Currency': 'currency', 'Annual Revenue Currency': 'currency', 'Billing Street': 'street', 'Billing City': 'city', 'Billing State/Province': 'region',
      'Billing Zip/Postal Code': 'postalCode', 'Billing Country': 'country', 'Billing Latitude': 'latitude', 'Billing Longitude': 'longitude',
      Website: 'website', 'Account Owner': 'owner', 'Parent Account ID': 'parentExternalId', 'Parent Account': 'parentName',
    },
  },
  contacts: {
    columns: {
      'Contact ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', Phone: 'phone', 'Business Phone': 'phone',
      Title: 'title', 'Account ID': 'accountExternalId', 'Account Name': 'accountName', 'Contact Owner': 'owner',
    },
  },
  leads: {
    columns: {
      'Lead ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Company: 'company', 'Company / Account': 'company',
      Email: 'email', Phone: 'phone', Title: 'title', Industry: 'industry', 'Lead Source': 'source', 'Lead Status': 'status', 'Lead Owner': 'owner',
    },
  },
  opportunities: {
    columns: {
      'Opportunity ID': 'externalId', 'Opportunity Name': 'name', 'Account ID': 'accountExternalId', 'Account Name': 'accountName',
      Amount: 'amount', 'Amount Currency': 'currency', 'Opportunity Currency': 'currency', 'Close Date': 'closeDate', Stage: 'stageName', Type: 'type',
      'Forecast Category': 'forecastCategory', 'Next Step': 'nextStep', 'Loss Reason': 'lostReason', 'Opportunity Owner': 'owner',
    },
  },
  activities: {
    columns: {
      'Activity ID': 'externalId', 'Task ID': 'externalId', 'Event ID': 'externalId', Subject: 'subject', Type: 'type', 'Task Subtype': 'type',
      'Due Date': 'dueDate', Date: 'dueDate', 'Activity Date': 'dueDate', 'Completed Date/Time': 'doneAt', Assigned: 'owner', 'Assigned To': 'owner',
      'Account ID': 'accountExternalId', 'Company / Account': 'accountName', 'Account Name': 'accountName', 'Contact ID': 'contactExternalId',
      'Lead ID': 'leadExternalId', 'Opportunity ID': 'opportunityExternalId', Opportunity: 'opportunityName', Comments: 'notes',
      'Full Comments': 'notes', Description: 'notes',
    },
    defaults: { type: 'task' },
  },
  people: {
    columns: {
      'User ID': 'externalId', 'Full Name': 'name', Name: 'name', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email',
      Title: 'title', Manager: 'manager', 'Manager ID': 'managerExternalId',
    },
    defaults: { kind: 'other' },
  },
};

const HUBSPOT: Readonly<Record<CsvEntity, Preset>> = {
  accounts: {
    columns: {
      'Record ID': 'externalId', 'Company name': 'name', Industry: 'industry', 'Number of Employees': 'employees', 'Annual Revenue': 'annualRevenue',
      'Street Address': 'street', City: 'city', 'State/Region': 'region', 'Postal Code': 'postalCode', 'Country/Region': 'country',
      'Website URL': 'website', 'Company Domain Name': 'website', 'Company owner': 'owner', 'Parent Company ID': 'parentExternalId',
    },
  },
  contacts: {
    columns: {
      'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Phone Number': 'phone',
      'Mobile Phone Number': 'phone', 'Job Title': 'title', 'Contact owner': 'owner', 'Associated Company ID': 'accountExternalId',
      'Associated Company': 'accountName', 'Company Name': 'accountName',
    },
  },
  leads: {
    columns: {
      'Record ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Phone Number': 'phone',
      'Job Title': 'title', 'Company Name': 'company', Industry: 'industry', 'Original Source': 'source', 'Lead Status': 'status',
      'Contact owner': 'owner',
    },
  },
  opportunities: {
    columns: {
      'Record ID': 'externalId', 'Deal Name': 'name', Amount: 'amount', Currency: 'currency', 'Close Date': 'closeDate', 'Deal Stage': 'stageName',
      Pipeline: 'pipelineName', 'Deal owner': 'owner', 'Deal Type': 'type', 'Forecast category': 'forecastCategory', 'Next step': 'nextStep',
      'Closed Lost Reason': 'lostReason', 'Associated Company ID': 'accountExternalId', 'Associated Company': 'accountName',
    },
  },
  activities: {
    columns: {
      'Record ID': 'externalId', 'Activity type': 'type', 'Task Type': 'type', 'Task Title': 'subject', 'Call Title': 'subject',
      'Meeting name': 'subject', 'Email subject': 'subject', Subject: 'subject', 'Activity date': 'dueDate', 'Due Date': 'dueDate',
      'Activity assigned to': 'owner', 'Assigned to': 'owner', 'Task owner': 'owner', Notes: 'notes', Body: 'notes', 'Task notes': 'notes',
      'Call notes': 'notes', 'Associated Company': 'accountName', 'Associated Company ID': 'accountExternalId', 'Associated Deal': 'opportunityName',
      'Associated Deal ID': 'opportunityExternalId', 'Associated Contact ID': 'contactExternalId',
    },
    defaults: { type: 'task' },
  },
  people: {
    columns: {
      'User ID': 'externalId', 'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Job Title': 'title', Team: 'teamName',
      'Primary Team': 'teamName',
    },
    defaults: { kind: 'other' },
  },
};

const NATIVE: Preset = { columns: {} };

/** The preset of a source system for one entity. */
export function presetFor(preset: ImportPreset, entity: CsvEntity): Preset {
  if (preset === 'salesforce') {
    const reports = SALESFORCE_REPORTS[entity];
    return { ...reports, columns: { ...SALESFORCE_API[entity], ...reports.columns }, footer: SALESFORCE_FOOTER };
  }
  if (preset === 'hubspot') return HUBSPOT[entity];
  return NATIVE;
}
