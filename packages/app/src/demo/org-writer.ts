import type { Organisation, Person, ReportingLine, Role, Team, User } from '@attain/core';
import { reportingLineRepo, userRepo, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { persons, teams } from '../crm/entities.js';
import { createInTx, updateInTx } from '../crm/records.js';
import { repos } from '../crm/repos.js';
import { systemActor } from '../orgs.js';
import type { DemoClock, DemoIds } from './demo-context.js';
import { fullName } from './names.js';
import type { OrgPlan, PlannedPerson } from './org-chart.js';
import { dateOf } from './timeline.js';

export interface DemoLogin {
  readonly email: string;
  readonly role: Role;
  readonly name: string;
}

/** Where the writer is: the org, the transaction, the generator's clock and ids. */
export interface OrgWriteContext {
  readonly ctx: AppContext;
  readonly clock: DemoClock;
  readonly ids: DemoIds;
  readonly tx: Tx;
  readonly org: Organisation;
  readonly plan: OrgPlan;
  /** Writes the logins when the plan says so (once the people they link to exist). */
  readonly writeUsers: () => Promise<void>;
}

const teamIdOf = (plan: OrgPlan, team: number | null): string | null => (team === null ? null : (plan.teams[team]?.id ?? null));

function personFields(plan: OrgPlan, p: PlannedPerson) {
  return {
    name: fullName(p.name), email: p.email, title: p.title, kind: p.kind, hireDate: dateOf(p.hireDay),
    teamId: teamIdOf(plan, plan.positions[p.position]?.team ?? null),
  };
}

/**
 * Builds the org through the real use cases (createInTx / updateInTx of people and teams),
 * replaying the plan's events at their dates: hires, manager and leader changes, departures.
 * The person rules keep the effective-dated reporting lines, exactly as in the app.
 */
export async function writeOrgWithUseCases(w: OrgWriteContext): Promise<void> {
  const { ctx, tx, org, plan } = w;
  const actor = systemActor(org.id);
  const check = (made: string, planned: string) => {
    if (made !== planned) throw new Error(`demo org chart out of step: made ${made}, planned ${planned}`);
  };
  for (const e of plan.events) {
    w.clock.instant = e.at;
    switch (e.type) {
      case 'person': {
        const p = plan.persons[e.person] as PlannedPerson;
        const made = await createInTx(ctx, tx, actor, org, persons, { ...personFields(plan, p), managerId: e.manager === null ? null : plan.personId(e.manager) });
        check(made.id, p.id);
        break;
      }
      case 'team': {
        const t = plan.teams[e.team];
        if (!t) break;
        const made = await createInTx(ctx, tx, actor, org, teams, {
          name: t.name, leaderId: plan.personId(plan.holderAt(t.leaderPosition, e.day)), parentTeamId: teamIdOf(plan, t.parentTeam),
        });
        check(made.id, t.id);
        break;
      }
      case 'users':
        await w.writeUsers();
        break;
      case 'manager':
        await updateInTx(ctx, tx, actor, org, persons, plan.personId(e.person), { managerId: plan.personId(e.manager) });
        break;
      case 'leader':
        await updateInTx(ctx, tx, actor, org, teams, teamIdOf(plan, e.team) as string, { leaderId: plan.personId(e.leader) });
        break;
      case 'leave': {
        const p = plan.persons[e.person] as PlannedPerson;
        await updateInTx(ctx, tx, actor, org, persons, p.id, { terminationDate: dateOf(p.endDay as number), managerId: null });
        break;
      }
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Line = Mutable<ReportingLine> & { id: string };

/**
 * The same org written straight through the repositories (for the big sizes, where a use case
 * per person would be slow): the final state of each person and team after the plan's events,
 * and the reporting lines the person rules would have kept, with the same ids.
 */
export async function writeOrgDirect(w: OrgWriteContext): Promise<void> {
  const { tx, org, plan, ids } = w;
  const people = new Map<number, Mutable<Person>>();
  const teamRecords = new Map<number, Mutable<Team>>();
  const lines = new Map<number, Line[]>();
  const allLines: Line[] = [];
  const meta = (at: string) => ({ orgId: org.id, externalId: null, createdAt: at, updatedAt: at, archivedAt: null, version: 1 });
  const changeManager = (person: number, managerId: string | null, from: string) => {
    for (const line of lines.get(person) ?? []) {
      if (line.validTo === null || line.validTo > from) line.validTo = line.validFrom > from ? line.validFrom : from;
    }
    if (managerId === null) return;
    const line: Line = { id: ids.next('rl'), personId: plan.personId(person), managerId, validFrom: from, validTo: null };
    lines.set(person, [...(lines.get(person) ?? []), line]);
    allLines.push(line);
  };
  const touch = <T extends { updatedAt: string; version: number }>(record: T, at: string) => {
    record.updatedAt = at;
    record.version += 1;
  };
  for (const e of plan.events) {
    const today = dateOf(e.day);
    switch (e.type) {
      case 'person': {
        const p = plan.persons[e.person] as PlannedPerson;
        const managerId = e.manager === null ? null : plan.personId(e.manager);
        people.set(e.person, { id: p.id, ...meta(e.at), ...personFields(plan, p), terminationDate: null, managerId });
        const hireDate = dateOf(p.hireDay);
        changeManager(e.person, managerId, hireDate < today ? hireDate : today);
        break;
      }
      case 'team': {
        const t = plan.teams[e.team];
        if (!t) break;
        teamRecords.set(e.team, {
          id: t.id, ...meta(e.at), name: t.name, leaderId: plan.personId(plan.holderAt(t.leaderPosition, e.day)), parentTeamId: teamIdOf(plan, t.parentTeam),
        });
        break;
      }
      case 'users':
        w.clock.instant = e.at;
        break;
      case 'manager': {
        const record = people.get(e.person) as Mutable<Person>;
        touch(record, e.at);
        record.managerId = plan.personId(e.manager);
        changeManager(e.person, record.managerId, today);
        break;
      }
      case 'leader': {
        const record = teamRecords.get(e.team) as Mutable<Team>;
        touch(record, e.at);
        record.leaderId = plan.personId(e.leader);
        break;
      }
      case 'leave': {
        const record = people.get(e.person) as Mutable<Person>;
        touch(record, e.at);
        record.terminationDate = dateOf((plan.persons[e.person] as PlannedPerson).endDay as number);
        record.managerId = null;
        changeManager(e.person, null, today);
        break;
      }
    }
  }
  await repos.person.insertMany(tx, [...people.values()]);
  await repos.team.insertMany(tx, [...teamRecords.values()]);
  for (const line of allLines) await reportingLineRepo.insert(tx, org.id, line);
  w.clock.instant = plan.events.find((e) => e.type === 'users')?.at ?? w.clock.instant;
  await w.writeUsers();
}

/**
 * The demo logins, written in the seed's transaction (createUser opens its own): the same
 * user record and audit entry as createUser, with a password hash made beforehand.
 */
export async function writeDemoUsers(
  ctx: AppContext,
  tx: Tx,
  org: Organisation,
  logins: readonly { login: DemoLogin; personId: string | null; passwordHash: string }[],
): Promise<User[]> {
  const actor = systemActor(org.id);
  const users: User[] = [];
  for (const { login, personId, passwordHash } of logins) {
    const now = ctx.now();
    const user: User = {
      id: ctx.newId('usr'), orgId: org.id, email: login.email, name: login.name, role: login.role, personId, disabledAt: null,
      createdAt: now, updatedAt: now, version: 1,
    };
    await userRepo.insert(tx, user, passwordHash);
    await recordAudit(ctx, tx, {
      actor, action: 'user.create', entity: 'user', entityId: user.id, before: null,
      after: { email: user.email, name: user.name, role: user.role, personId: user.personId, disabledAt: user.disabledAt },
    });
    users.push(user);
  }
  return users;
}
