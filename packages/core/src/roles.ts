/** The five roles of Attain, from widest to narrowest reach. */
export const ROLES = ['admin', 'sales_ops', 'finance', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Who is acting. `teamPersonIds` are the people the actor leads on the day of the request,
 * directly or indirectly, including herself; it is computed from the effective-dated
 * reporting hierarchy by the caller and is empty for users who are not people.
 */
export interface Actor {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
  readonly personId: string | null;
  readonly teamPersonIds: readonly string[];
}

/** The roles a user of each role may hand to an API token: never one that reaches further. */
const NARROWER: Record<Role, readonly Role[]> = {
  admin: ROLES,
  sales_ops: ['sales_ops', 'manager', 'rep'],
  finance: ['finance'],
  manager: ['manager', 'rep'],
  rep: ['rep'],
};

/** May a user with `userRole` act (through a token) with `role`? */
export const mayActAs = (userRole: Role, role: Role): boolean => NARROWER[userRole].includes(role);
