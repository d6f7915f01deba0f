import { z } from 'zod';
import { Id, Instant } from './primitives.schema.js';

/*
 * Saved list views: a user's named snapshot of a list screen, reopened later. Private to the
 * user who saved it. The definition mirrors the list query (see ListQueryBase): the same
 * limits on search and sort, filters as the list's own `field` / `field.gte` parameters.
 */

/** The list screens a view can be saved for. */
export const SAVED_VIEW_ENTITIES = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'people'] as const;
export type SavedViewEntity = (typeof SAVED_VIEW_ENTITIES)[number];

/** A user keeps at most this many views per list, so the unpaginated list stays small. */
export const MAX_SAVED_VIEWS_PER_LIST = 100;

/**
 * The state of a list screen: search text, filter parameters (name -> raw value, e.g.
 * `"amountMinor.gte": "100000"`), sort (`-field` for descending) and the visible columns in
 * order. Unknown keys are refused. Filter names are not checked against the list here: a
 * saved filter the list no longer knows is refused when the view is opened.
 */
export const SavedViewDefinition = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  filters: z
    .record(z.string().max(64), z.string().max(2000))
    .refine((f) => Object.keys(f).length <= 30, 'at most 30 filters')
    .optional(),
  columns: z.array(z.string().max(64)).max(40).optional(),
});
export type SavedViewDefinition = z.infer<typeof SavedViewDefinition>;

/** "Save view as": creates the view, or replaces the definition of the caller's view of that name. */
export const SavedViewCreate = z.strictObject({
  entity: z.enum(SAVED_VIEW_ENTITIES),
  name: z.string().trim().min(1).max(100),
  definition: SavedViewDefinition,
});
export type SavedViewCreate = z.infer<typeof SavedViewCreate>;

export const SavedViewRecord = z.object({
  id: Id,
  entity: z.enum(SAVED_VIEW_ENTITIES),
  name: z.string(),
  definition: SavedViewDefinition,
  createdAt: Instant,
  updatedAt: Instant,
});
export type SavedViewRecord = z.infer<typeof SavedViewRecord>;

/** Query of GET /views: one list's views, or all of them. */
export const SavedViewListQuery = z.object({ entity: z.enum(SAVED_VIEW_ENTITIES).optional() });
