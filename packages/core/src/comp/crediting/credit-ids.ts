/**
 * Credit ids are built from the transaction id, the rule name and the payee id joined by ':'.
 * Each part is escaped ('%' -> '%25', ':' -> '%3A') so two different triples can never give
 * the same id (transaction "a:b" + rule "c" against transaction "a" + rule "b:c").
 */
export function escapeIdPart(part: string): string {
  if (!part.includes('%') && !part.includes(':')) return part;
  return part.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** `${transactionId}:${ruleName}:${payeeId}` (escaped): one credit per payee per rule per transaction. */
export function directCreditId(transactionId: string, ruleName: string, payeeId: string): string {
  return `${escapeIdPart(transactionId)}:${escapeIdPart(ruleName)}:${escapeIdPart(payeeId)}`;
}

/**
 * A roll-up credit: the manager's id plus the credit it rolls up after ':via:'. A manager may
 * roll up several credits of one transaction under one rule (two split reps on her team), and
 * the rolled-up credit's id tells them apart.
 */
export function rollupCreditId(transactionId: string, ruleName: string, managerId: string, fromCreditId: string): string {
  return `${directCreditId(transactionId, ruleName, managerId)}:via:${fromCreditId}`;
}
