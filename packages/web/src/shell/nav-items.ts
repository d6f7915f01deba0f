/** The areas of the app and the ability each needs (from the session's ability map). */
export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly ability: string;
  /** Single-key shortcut after `g` (g h = home...). */
  readonly key: string;
  /** Left out for users who have this ability too (they have a fuller screen for the same thing). */
  readonly hiddenWith?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Home', ability: 'opportunity:list', key: 'h' },
  { href: '/board', label: 'Pipeline board', ability: 'opportunity:list', key: 'b' },
  // The quarter's range from the pipeline's history, for everyone's own deals (a leader's team's).
  { href: '/forecast', label: 'Forecast', ability: 'forecast:read', key: 'f' },
  // Output first: what each team and seller produced, against quota and potential, down to the deals.
  { href: '/performance', label: 'Performance', ability: 'analytics:read', key: 'k' },
  // Open deals first, as a CRM's default view is; the filter shows as a chip and comes off in one click.
  { href: '/opportunities?isClosed=false', label: 'Opportunities', ability: 'opportunity:list', key: 'o' },
  { href: '/accounts', label: 'Accounts', ability: 'account:list', key: 'a' },
  { href: '/contacts', label: 'Contacts', ability: 'contact:list', key: 'c' },
  { href: '/leads', label: 'Leads', ability: 'lead:list', key: 'l' },
  { href: '/activities', label: 'Activities', ability: 'activity:list', key: 't' },
  { href: '/people', label: 'People', ability: 'person:list', key: 'p' },
  // Sales ops shape the segments and capacity; leaders and finance read what the model gives.
  { href: '/coverage', label: 'Coverage', ability: 'coverage:read', key: 'v' },
  // Territory models on the map: the same readers as coverage; sales ops plan and activate them.
  { href: '/territories', label: 'Territories', ability: 'coverage:read', key: 'r' },
  // The company number cascaded to the sellers: sales ops and finance plan it.
  { href: '/quotas', label: 'Quotas', ability: 'quota:plan', key: 'q' },
  // Managers: their team's lines of the quota plans, to propose numbers and sign them off (bottom-up).
  { href: '/team-quotas', label: 'Team quotas', ability: 'quota:propose', key: 'u' },
  { href: '/import', label: 'Import', ability: 'import:run', key: 'i' },
  { href: '/plans', label: 'Plans', ability: 'comp_plan:read', key: 'm' },
  // Readers (managers, reps) see their assignments on their statements; the screen is for those who set them.
  { href: '/assignments', label: 'Assignments', ability: 'plan_assignment:write', key: 's' },
  { href: '/pay', label: 'Pay cycle', ability: 'calc_run:read', key: 'y' },
  // Reps and managers: their own (or their team's) statements; the pay cycle's readers see those there.
  { href: '/my-pay', label: 'My pay', ability: 'statement:read', hiddenWith: 'calc_run:read', key: 'e' },
  { href: '/disputes', label: 'Disputes', ability: 'dispute:manage', key: 'd' },
];

/** The navigation items for a user, by her abilities. */
export function navItemsFor(can: (ability: string) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(item.ability) && !(item.hiddenWith !== undefined && can(item.hiddenWith)));
}
