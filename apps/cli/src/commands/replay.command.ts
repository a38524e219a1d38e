import { loadCase, loadSlaPolicyRegistry } from '#casetrail/application';
import { computeSlaClocks, evolve, initialCaseState, type CaseReported, type SlaClock } from '#casetrail/domain';
import type { CliContext } from '../cli-context.js';

/**
 * `replay <caseId> [--as-of <time>]`: the case's timeline as an auditor reads it — each event with
 * who and when, the status after it and the SLA clocks as they stood at that moment.
 */
export async function replay(ctx: CliContext, args: { caseId: string; asOf?: string }): Promise<number> {
  const asOfMs = args.asOf === undefined ? Infinity : Date.parse(args.asOf);
  if (Number.isNaN(asOfMs)) throw new Error(`--as-of must be an ISO-8601 instant, not "${args.asOf}"`);
  const { events, recorded } = await loadCase(ctx.store, args.caseId);
  if (events.length === 0) throw new Error(`No case ${args.caseId}`);
  const policy = loadSlaPolicyRegistry().get((events[0] as CaseReported).data.slaPolicy);
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(`case ${args.caseId} — policy ${policy.version}${args.asOf ? ` — as of ${new Date(asOfMs).toISOString()}` : ''}`);
  let state = initialCaseState;
  const shown = [];
  for (const [i, event] of events.entries()) {
    if (Date.parse(event.occurredAt) > asOfMs) break;
    state = evolve(state, event);
    shown.push(event);
    const { metadata } = recorded[i]!;
    out(`#${recorded[i]!.revision}  ${event.occurredAt}  ${event.type.padEnd(22)} by ${metadata.actor.id} (${metadata.actor.role})  → ${state.status}${'hold' in state && state.hold ? ' (on hold)' : ''}`);
    for (const clock of computeSlaClocks(shown, event.occurredAt, policy)) out(`      ${describe(clock)}`);
  }
  if (args.asOf !== undefined && shown.length > 0) {
    out(`clocks as of ${new Date(asOfMs).toISOString()}:`);
    for (const clock of computeSlaClocks(shown, new Date(asOfMs).toISOString(), policy)) out(`      ${describe(clock)}`);
  }
  return 0;
}

const describe = (c: SlaClock): string =>
  `${(c.clock + (c.complaintId ? `[${c.complaintId.slice(0, 8)}]` : '')).padEnd(28)} ${c.state.padEnd(14)} due ${c.dueAt ?? '—'}  used ${Math.round(c.usedRatio * 100)}%`;
