import { createHash } from 'node:crypto';
import { canonicalJson, subtreeOn, transactionCreditor, type Credit } from '@attain/core';
import { compTransactionRepo, type CalcRow, type CalcTransaction, type Db, type Tx } from '@attain/store';
import { toCreditingTransaction } from '../transactions/to-crediting.js';
import type { CalcInputs } from './calc-inputs.js';

/*
 * A run reads and credits its transactions in partitions by owner, so that several workers can
 * share a large run (compute-run.ts). Each partition reads the rows of the owners in its id range
 * and keeps the credits of the payees in that range; credits for payees of other partitions (a
 * manager's roll-up, a split with someone outside the range) are handed over. The partitions are
 * frozen with the run's inputs, and each hashes its rows in reading order, so a recomputation
 * (verify) gives the same hash whether one thread reads the partitions or several.
 */

/** A range of owner (and payee) ids [from, to); null is unbounded. Rows without an owner go to the first. */
export interface Partition {
  readonly from: string | null;
  readonly to: string | null;
}

/** The whole organisation as one partition. */
export const WHOLE: readonly Partition[] = [{ from: null, to: null }];

/** `count` ranges holding about equally many of the run's payees (ids sorted). */
export function partitionsOf(payeeIds: readonly string[], count: number): Partition[] {
  const n = Math.max(1, Math.min(count, payeeIds.length));
  const bounds = Array.from({ length: n - 1 }, (_, i) => payeeIds[Math.floor(((i + 1) * payeeIds.length) / n)] as string);
  return Array.from({ length: n }, (_, i) => ({ from: i === 0 ? null : (bounds[i - 1] as string), to: i === n - 1 ? null : (bounds[i] as string) }));
}

const inRange = (p: Partition, id: string): boolean => (p.from === null || id >= p.from) && (p.to === null || id < p.to);

/** The partition an id falls in. */
const partitionOf = (partitions: readonly Partition[], id: string): number => partitions.findIndex((p) => inRange(p, id));

/**
 * What of a transaction the inputs hash covers, everything crediting reads (a changed row changes
 * the hash): since inputs version 4 the line the database composed; before, this text of it.
 */
export function transactionLine(t: CalcRow, version: CalcInputs['version']): string {
  return version >= 4 ? t.line : composedLine(t);
}

/** How runs before inputs version 4 hashed a row. */
function composedLine(t: CalcTransaction): string {
  const splits = t.splits.length === 0 ? '[]' : JSON.stringify(t.splits);
  const items = t.lineItems.length === 0 ? '' : t.lineItems.map((l) => `${l.productId}:${l.productFamily}:${l.amountMinor}`).join(',');
  const line = `${t.id}|${t.date}|${t.kind}|${t.amountMinor}|${t.currency}|${t.ownerId ?? ''}|${t.territoryId ?? ''}|${t.pipelineId ?? ''}|${splits}|${items}`;
  // A term only where there is one: rows without keep the line (and the hash of runs made before terms existed).
  return t.termMonths === null ? line : `${line}|term:${t.termMonths}`;
}

export interface PartitionCredits {
  /** Payees of the partition not yet settled, with their credits so far (others may still credit them). */
  readonly open: Map<string, Credit[]>;
  /** Credits for payees of other partitions, by partition index. */
  readonly theirs: Credit[][];
  /** The SHA-256 of the partition's transaction lines in reading order. */
  readonly digest: string;
}

/** For a run of some payees: everyone whose deals credit them, that is them and, for a manager, everyone under her during the window. */
function reachOf(inputs: CalcInputs & { personIds: readonly string[] }): string[] {
  const reach = new Set<string>();
  for (const id of inputs.personIds) for (const day of [inputs.window.from, inputs.window.to]) for (const p of subtreeOn(inputs.reportingLines, id, day)) reach.add(p);
  for (const line of inputs.reportingLines) if (reach.has(line.managerId)) reach.add(line.personId);
  return [...reach].sort();
}

/**
 * Visits the transactions a run reads, one at a time, each owner's together by date and id: its
 * window up to its frozen number, of the owners in `owners`; for a run of some payees, theirs and
 * their reports' (one page). `betweenPages` runs after each page, when the connection is free.
 */
async function visitRunTransactions(
  db: Db | Tx, orgId: string, inputs: CalcInputs, visit: (t: CalcRow) => void, options: { owners?: Partition; betweenPages?: () => Promise<void> | void } = {},
): Promise<void> {
  const query = { from: inputs.window.from, to: inputs.window.to, seqThrough: BigInt(inputs.seqThrough) };
  const { owners, betweenPages } = options;
  if (inputs.personIds === null) return compTransactionRepo.visitForCalc(db, orgId, owners ? { ...query, owners: { from: owners.from, to: owners.to } } : query, visit, { ...(betweenPages ? { betweenPages } : {}) });
  for (const t of await compTransactionRepo.listForCalc(db, orgId, { ...query, personIds: reachOf({ ...inputs, personIds: inputs.personIds }) })) visit(t);
  await betweenPages?.();
}

/** A run's transactions at once (what-if, capitalization, a statement's credits); a run itself streams them. */
export async function readRunTransactions(db: Db | Tx, orgId: string, inputs: CalcInputs): Promise<CalcRow[]> {
  const all: CalcRow[] = [];
  await visitRunTransactions(db, orgId, inputs, (t) => all.push(t));
  return all;
}

/**
 * Who may be credited on deals she does not own: managers (roll-ups), people named in splits,
 * and with a territory rule anyone. The others are settled as soon as their own deals are read.
 */
async function creditedByOthers(db: Db | Tx, orgId: string, inputs: CalcInputs): Promise<Set<string> | 'everyone'> {
  if (inputs.rules.some((r) => r.source.type === 'territory')) return 'everyone';
  const query = { from: inputs.window.from, to: inputs.window.to, seqThrough: BigInt(inputs.seqThrough) };
  const out = await compTransactionRepo.splitMembersForCalc(db, orgId, query);
  for (const line of inputs.reportingLines) out.add(line.managerId);
  return out;
}

/** Transaction lines hashed at a time: a call per line costs as much as the hashing, and a page's lines kept together were a large part of what each young-generation collection copied. */
const LINES_PER_HASH = 256;

/**
 * Reads and credits one partition of a run a row at a time (nothing of a row is kept but its
 * credits), by the organisation's rules with reporting lines on each transaction's date. Each
 * owner's rows come together, so a payee nobody else can credit is calculated (`settle`, then
 * forgotten) as soon as her own are done; the rest stay open until every partition is read.
 * `betweenPages` runs between the pages of rows (a progress report may write then).
 */
export async function creditPartition(
  db: Db | Tx, orgId: string, inputs: CalcInputs,
  args: { payeeIds: readonly string[]; partitions: readonly Partition[]; index: number; settle: (personId: string, credits: Credit[]) => void; betweenPages?: () => Promise<void> | void },
): Promise<PartitionCredits> {
  const own = args.partitions[args.index] as Partition;
  const creditor = transactionCreditor({ rules: inputs.rules, reportingLines: inputs.reportingLines }, { keepIssues: false });
  const others = await creditedByOthers(db, orgId, inputs);
  const payees = new Set(args.payeeIds);
  // Each payee's list is made with her first credit, not up front: a list made at the start
  // lives in V8's old generation, and a young credit pushed into it survives every minor
  // collection until a major one (a quarter's 1.25M credits promoted: 1.8 s of 5.5 s).
  const creditsOf = new Map<string, Credit[]>();
  const theirs: Credit[][] = args.partitions.map(() => []);
  const listOf = (payeeId: string): Credit[] => {
    let list = creditsOf.get(payeeId);
    if (!list) creditsOf.set(payeeId, (list = []));
    return list;
  };
  const settled = new Set<string>();
  const settle = (owner: string | null) => {
    if (owner === null || others === 'everyone' || others.has(owner) || !payees.has(owner) || !inRange(own, owner) || settled.has(owner)) return;
    const credits = creditsOf.get(owner) ?? [];
    creditsOf.delete(owner);
    settled.add(owner);
    args.settle(owner, credits);
  };
  const hash = createHash('sha256');
  let lines = '';
  let lineCount = 0;
  let owner: string | null = null;
  // The owner's own credits (most of them) go straight to her list when she is a payee of this partition.
  let ownerCredits: Credit[] | null = null;
  let index = 0;
  const visit = (t: CalcRow) => {
    lines += `\n${transactionLine(t, inputs.version)}`;
    if (++lineCount === LINES_PER_HASH) {
      hash.update(lines);
      lines = '';
      lineCount = 0;
    }
    if (t.ownerId !== owner) {
      settle(owner);
      owner = t.ownerId;
      ownerCredits = owner !== null && payees.has(owner) && inRange(own, owner) ? listOf(owner) : null;
    }
    if (t.ownerId === null) return;
    for (const c of creditor.credit(toCreditingTransaction(t), index++)) {
      if (c.payeeId === owner && ownerCredits !== null) {
        ownerCredits.push(c);
        continue;
      }
      if (!payees.has(c.payeeId)) continue;
      // Paid already: creditedByOthers missed a way to be credited, and her pay would be short.
      if (settled.has(c.payeeId)) throw new Error(`credit ${c.id} came after ${c.payeeId} was calculated`);
      if (inRange(own, c.payeeId)) listOf(c.payeeId).push(c);
      // Someone else's payee: handed to her partition as a plain credit (the explanation stays behind).
      else theirs[partitionOf(args.partitions, c.payeeId)]?.push(plainCredit(c));
    }
  };
  await visitRunTransactions(db, orgId, inputs, visit, { owners: own, ...(args.betweenPages ? { betweenPages: args.betweenPages } : {}) });
  hash.update(lines);
  settle(owner);
  const open = new Map<string, Credit[]>();
  for (const id of args.payeeIds) if (inRange(own, id) && !settled.has(id)) open.set(id, creditsOf.get(id) ?? []);
  return { open, theirs, digest: hash.digest('hex') };
}

/** Just what calculation reads of a credit. */
function plainCredit(c: Credit): Credit {
  const out = { id: c.id, payeeId: c.payeeId, creditType: c.creditType, amountMinor: c.amountMinor, date: c.date, sourceId: c.sourceId, rule: c.rule };
  return c.payoutShare === undefined ? out : { ...out, payoutShare: c.payoutShare };
}

/** The hash of a run's inputs: the frozen snapshot (with its partitions), then each partition's digest in order. */
export function runInputsHash(inputs: CalcInputs, digests: readonly string[]): string {
  const h = createHash('sha256').update(canonicalJson(inputs));
  for (const digest of digests) h.update(`\n${digest}`);
  return `sha256:${h.digest('hex')}`;
}
