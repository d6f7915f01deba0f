import { SingleBar } from 'cli-progress';

/**
 * A bar on an interactive terminal, one per phase (a new phase starts a new bar); nothing
 * otherwise (CI logs, --json).
 */
export function phasedBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: '{phase} [{bar}] {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true });
  let started = false;
  let phase = '';
  return {
    update: (p: { readonly phase: string; readonly done: number; readonly total: number }) => {
      if (!started || p.phase !== phase) {
        if (started) bar.stop();
        bar.start(p.total, p.done, { phase: p.phase.padEnd(14) });
        started = true;
        phase = p.phase;
      } else bar.update(p.done);
    },
    stop: () => started && bar.stop(),
  };
}
