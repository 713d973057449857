/**
 * One diagnose() run's hypothesis searches share a time budget. Each search
 * is bounded on its own (v1-hypotheses.ts, v4-hypotheses.ts: 20,000 tries,
 * 3 s), but a hostile HAR with thousands of failing entries, each with
 * thousands of headers, would multiply that bound into hours. Once the run's
 * budget is spent, later searches stop at once and say they were cut short
 * (`complete: false`), so a run never hangs and never claims a search it did
 * not make.
 *
 * diagnose() is synchronous, so a module-level deadline set at its start and
 * cleared at its end cannot leak between runs.
 */
export const RUN_SEARCH_BUDGET = { ms: 15000 };

let runDeadline = Number.POSITIVE_INFINITY;

export function startSearchBudget(now = performance.now()): void {
  runDeadline = now + RUN_SEARCH_BUDGET.ms;
}

export function endSearchBudget(): void {
  runDeadline = Number.POSITIVE_INFINITY;
}

/** When a search that starts at `start` with its own bound `perSearchMs` must stop. */
export function searchDeadline(start: number, perSearchMs: number): number {
  return Math.min(start + perSearchMs, runDeadline);
}
