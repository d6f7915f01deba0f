import { invalid } from '../errors.js';

/**
 * How a recoverable draw balance is taken back once the draw no longer guarantees pay
 * (after its term): 'immediate' recovers the whole balance from the next earnings;
 * 'capped' recovers only the earnings above the draw amount, so net pay stays >= the draw.
 *
 * While the draw applies both modes pay the same: the guarantee wins, so a period pays
 * max(draw, earned - outstanding). Entries are netted so one period has an advance or a
 * recovery, never both (recovering and re-advancing in one period would pay the same and
 * only clutter the statement).
 */
export type DrawRecovery = 'immediate' | 'capped';

export interface DrawPeriodInput {
  /** Fiscal period key ('FY2027-M03'); carried into the result. */
  readonly periodKey: string;
  /** Commission earned in the period, minor units, >= 0. */
  readonly earnedMinor: bigint;
}

export interface DrawScheduleInput {
  /** Guaranteed pay per period while the draw applies, minor units, >= 0. */
  readonly drawMinor: bigint;
  readonly recoverable: boolean;
  readonly recovery: DrawRecovery;
  readonly periods: readonly DrawPeriodInput[];
  /** Number of leading periods the draw applies to; default: all of `periods`. */
  readonly termPeriods?: number;
  /** Forgive the outstanding recoverable balance at the end of the term's last period. */
  readonly forgiveAtTermEnd?: boolean;
  /**
   * Balance carried forward from an earlier schedule, in the sign of {@link DrawPeriodResult.balanceMinor}
   * (<= 0: the payee owes the draw back). Default 0.
   */
  readonly openingBalanceMinor?: bigint;
}

/** Which rule set a period's pay; a statement shows it next to the numbers. */
export type DrawOutcome =
  | 'earned-above-draw'
  | 'draw-topped-up'
  | 'recovered-within-guarantee'
  | 'recovered-immediately'
  | 'recovered-above-draw'
  | 'no-draw';

export interface DrawPeriodExplanation {
  readonly periodKey: string;
  readonly drawMinor: bigint;
  readonly recoverable: boolean;
  readonly recovery: DrawRecovery;
  /** True when the period is inside the draw's term (pay is guaranteed up to the draw). */
  readonly drawApplies: boolean;
  readonly outcome: DrawOutcome;
  readonly openingBalanceMinor: bigint;
  /** True when this period is the term's last and the remaining balance was forgiven. */
  readonly termEnded: boolean;
}

export interface DrawPeriodResult {
  readonly periodKey: string;
  readonly earnedMinor: bigint;
  /** Paid on top of earnings to reach the draw (a draw-advance ledger entry). */
  readonly drawAdvanceMinor: bigint;
  /** Taken from earnings to repay earlier advances (a draw-recovery ledger entry), >= 0. */
  readonly recoveryMinor: bigint;
  /** Outstanding balance written off at term end (a draw-forgiveness ledger entry), >= 0. */
  readonly forgivenMinor: bigint;
  /** earned + drawAdvance - recovery. */
  readonly paidMinor: bigint;
  /**
   * The payee's draw balance after the period: minus what she owes back (-1,000.00 when a
   * 1,500.00 draw covered 500.00 of earnings). Always 0 for a non-recoverable draw.
   */
  readonly balanceMinor: bigint;
  readonly explanation: DrawPeriodExplanation;
}

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

function validate(input: DrawScheduleInput): void {
  if (input.drawMinor < 0n) throw invalid('drawMinor', 'must not be negative');
  if (input.termPeriods !== undefined && (!Number.isInteger(input.termPeriods) || input.termPeriods < 0)) {
    throw invalid('termPeriods', 'must be a whole number of at least 0');
  }
  if ((input.openingBalanceMinor ?? 0n) > 0n) throw invalid('openingBalanceMinor', 'must be 0 or negative (what the payee owes)');
  if (!input.recoverable && (input.openingBalanceMinor ?? 0n) !== 0n) {
    throw invalid('openingBalanceMinor', 'a non-recoverable draw carries no balance');
  }
  input.periods.forEach((p, i) => {
    if (p.earnedMinor < 0n) throw invalid(`periods[${i}].earnedMinor`, 'must not be negative');
  });
}

interface Step {
  drawAdvanceMinor: bigint;
  recoveryMinor: bigint;
  outcome: DrawOutcome;
}

/** One period's advance and recovery, given what the payee owes at its start. */
function step(input: DrawScheduleInput, earned: bigint, owed: bigint, drawApplies: boolean): Step {
  const draw = input.drawMinor;
  if (drawApplies) {
    const paid = input.recoverable ? max(draw, earned - owed) : max(draw, earned);
    if (paid > earned) return { drawAdvanceMinor: paid - earned, recoveryMinor: 0n, outcome: 'draw-topped-up' };
    const recovery = earned - paid;
    return { drawAdvanceMinor: 0n, recoveryMinor: recovery, outcome: recovery > 0n ? 'recovered-within-guarantee' : 'earned-above-draw' };
  }
  if (!input.recoverable || owed === 0n) return { drawAdvanceMinor: 0n, recoveryMinor: 0n, outcome: 'no-draw' };
  if (input.recovery === 'immediate') return { drawAdvanceMinor: 0n, recoveryMinor: min(owed, earned), outcome: 'recovered-immediately' };
  return { drawAdvanceMinor: 0n, recoveryMinor: min(owed, max(0n, earned - draw)), outcome: 'recovered-above-draw' };
}

/**
 * Runs a draw over a sequence of periods' earnings.
 *
 * Invariants (recoverable): after every period, sum(paid) - sum(earned) - sum(forgiven) equals
 * what the payee owes (-balance, counting the opening balance as owed); while the draw applies
 * paid >= draw. Non-recoverable: paid = max(draw, earned) during the term, balance stays 0.
 */
export function runDrawSchedule(input: DrawScheduleInput): DrawPeriodResult[] {
  validate(input);
  const term = input.termPeriods ?? input.periods.length;
  let owed = input.recoverable ? -(input.openingBalanceMinor ?? 0n) : 0n;
  return input.periods.map((period, index) => {
    const drawApplies = index < term;
    const opening = -owed;
    const { drawAdvanceMinor, recoveryMinor, outcome } = step(input, period.earnedMinor, owed, drawApplies);
    if (input.recoverable) owed = owed + drawAdvanceMinor - recoveryMinor;
    const termEnded = index === term - 1 && input.forgiveAtTermEnd === true;
    const forgivenMinor = termEnded ? owed : 0n;
    owed -= forgivenMinor;
    return {
      periodKey: period.periodKey,
      earnedMinor: period.earnedMinor,
      drawAdvanceMinor,
      recoveryMinor,
      forgivenMinor,
      paidMinor: period.earnedMinor + drawAdvanceMinor - recoveryMinor,
      balanceMinor: -owed,
      explanation: {
        periodKey: period.periodKey,
        drawMinor: input.drawMinor,
        recoverable: input.recoverable,
        recovery: input.recovery,
        drawApplies,
        outcome,
        openingBalanceMinor: opening,
        termEnded,
      },
    };
  });
}
