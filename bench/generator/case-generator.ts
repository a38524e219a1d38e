import {
  decide,
  DEFAULT_WARRANTY_POLICY,
  evolve,
  FAULT_CATEGORIES,
  initialCaseState,
  PRIORITIES,
  REGION_CLASSES,
  REPORT_CHANNELS,
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '#casetrail/domain';
import { Prng } from './prng.js';

export interface GeneratedEvent {
  readonly event: CaseEvent;
  readonly actor: Actor;
}

export interface GeneratedCase {
  readonly caseId: string;
  readonly events: readonly GeneratedEvent[];
}

export interface GeneratorOptions {
  readonly seed: number;
  /** First report instant (epoch ms); reports spread over `spanDays` after it. */
  readonly start: number;
  readonly spanDays: number;
}

const HOUR = 3_600_000;
const agent: Actor = { id: 'agent-gen', role: 'agent' };
const dispatcher: Actor = { id: 'dispatcher-gen', role: 'dispatcher' };
const supervisor: Actor = { id: 'supervisor-gen', role: 'supervisor' };
const MODELS = ['KFR-35GW', 'KFR-50LW', 'BCD-520', 'XQG100', 'JSQ25', 'CXW-200'];

/**
 * Realistic service-case histories (DESIGN §3), produced by running commands through the real
 * `decide`, so every history is one the service itself would accept: holds, loaners, rework,
 * complaints, surveys, cancellations, and a long tail of cases with hundreds of progress updates.
 */
export function* generateCases(count: number, options: GeneratorOptions): Generator<GeneratedCase> {
  const rng = new Prng(options.seed);
  for (let i = 0; i < count; i++) yield generateCase(rng, `gen-${options.seed}-${i}`, options);
}

function generateCase(rng: Prng, caseId: string, options: GeneratorOptions): GeneratedCase {
  const events: GeneratedEvent[] = [];
  let state: CaseState = initialCaseState;
  let t = options.start + rng.int(0, options.spanDays * 24) * HOUR + rng.int(0, 59) * 60_000;
  const technician: Actor = { id: `tech-${rng.int(1, 40)}`, role: 'technician' };
  const run = (actor: Actor, command: Omit<CaseCommand, 'caseId' | 'occurredAt'>, gapHours: number): void => {
    t += Math.max(1, Math.round(gapHours * HOUR));
    const occurredAt = new Date(t).toISOString();
    const full = { ...command, caseId, occurredAt } as CaseCommand;
    const ctx = { now: occurredAt, actor, warrantyPolicy: DEFAULT_WARRANTY_POLICY, unit: null, slaPolicy: 'standard-v1' };
    for (const event of decide(full, state, ctx)) {
      state = evolve(state, event);
      events.push({ event, actor });
    }
  };
  const purchased = new Date(t - rng.int(20, 500) * 24 * HOUR).toISOString().slice(0, 10);
  const category = rng.chance(0.1) ? 'consumable' : rng.pick(FAULT_CATEGORIES.filter((c) => c !== 'consumable'));
  run(agent, {
    type: 'ReportCase',
    data: {
      customer: { id: `cust-${rng.int(1, 1_000_000)}`, name: '张伟', phone: '13800000000', address: '北京市朝阳区建国路1号', region: rng.pick(REGION_CLASSES) },
      product: { model: rng.pick(MODELS), serialNumber: `SN${rng.int(1, 9_999_999)}`, invoiceDate: purchased, purchaseDate: null, manufactureDate: null },
      fault: { category, description: 'Reported fault' },
      channel: rng.pick(REPORT_CHANNELS),
      priority: rng.chance(0.15) ? PRIORITIES[0] : PRIORITIES[1],
    },
  }, 0);
  if (rng.chance(0.04)) {
    run(supervisor, { type: 'CancelCase', data: { reason: 'customer-withdrew', note: null } }, rng.next() * 20);
    return { caseId, events };
  }
  run(agent, { type: 'ContactCustomer', data: { channel: 'phone', appointmentAt: null, note: null } }, rng.next() * 30);
  const remote = rng.chance(0.1);
  for (let visit = 0; ; visit++) {
    if (!remote) {
      run(dispatcher, { type: 'DispatchTechnician', data: { technicianId: technician.id, appointmentAt: null } }, rng.next() * 6);
      if (rng.chance(0.1)) {
        run(agent, { type: 'PutOnHold', data: { reason: 'awaiting-customer', note: null } }, rng.next() * 4);
        run(agent, { type: 'ResumeCase', data: {} }, rng.next() * 24);
      }
      run(technician, { type: 'RecordArrival', data: { complexity: rng.chance(0.2) ? 'complex' : null } }, 1 + rng.next() * 40);
      const loanerOut = state.status !== 'none' && state.loaner !== null;
      if (!loanerOut && rng.chance(0.08)) run(technician, { type: 'IssueLoaner', data: { loanerSerial: `LOAN-${rng.int(1, 999)}` } }, rng.next() * 2);
    }
    const inWarranty = state.status !== 'none' && state.warranty.status === 'in';
    const money = (amount: string) => ({ amount, currency: 'CNY' });
    run(remote ? supervisor : technician, {
      type: 'CompleteRepair',
      data: {
        mode: remote ? 'remote' : 'on-site',
        diagnosis: 'Diagnosed',
        actions: 'Repaired',
        complexity: null,
        parts: [],
        coverage: inWarranty ? 'warranty' : 'chargeable',
        exclusion: null,
        charges: inWarranty ? null : { parts: money('80.00'), labor: money('50.00'), travel: money('20.00') },
      },
    }, 1 + rng.next() * 30);
    if (remote || visit >= 1 || !rng.chance(0.07)) break;
    run(agent, { type: 'RejectRepair', data: { reason: 'Still faulty' } }, rng.next() * 20);
  }
  if (rng.chance(0.01)) {
    const updates = rng.int(50, 500);
    for (let u = 0; u < updates; u++) run(agent, { type: 'SendProgressUpdate', data: { kind: 'progress', channel: 'sms', message: 'Update' } }, 0.05);
  }
  run(agent, { type: 'SendProgressUpdate', data: { kind: 'result', channel: 'sms', message: 'Repaired' } }, rng.next() * 20);
  run(agent, { type: 'AcceptRepair', data: { signedBy: 'Customer' } }, rng.next() * 10);
  if (state.status !== 'none' && state.loaner) run(agent, { type: 'ReturnLoaner', data: {} }, rng.next() * 10);
  if (rng.chance(0.4)) {
    const overall = rng.chance(0.92) ? rng.int(4, 5) : rng.int(1, 3);
    const scores = { attitude: rng.int(3, 5), quality: rng.int(3, 5), responseSpeed: rng.int(2, 5), overall };
    run(agent, { type: 'RecordSurvey', data: { scores, channel: 'phone', comment: null } }, 24 + rng.next() * 100);
  }
  if (rng.chance(0.03)) {
    const complaintId = `${caseId}-c1`;
    run(agent, { type: 'FileComplaint', data: { complaintId, category: rng.pick(['quality', 'service', 'other'] as const), severity: rng.chance(0.3) ? 'serious' : 'minor', description: 'Complaint' } }, rng.next() * 48);
    run(supervisor, { type: 'AcknowledgeComplaint', data: { complaintId, department: 'Customer care' } }, rng.next() * 20);
    if (rng.chance(0.8)) run(supervisor, { type: 'ResolveComplaint', data: { complaintId, resolution: 'Resolved' } }, rng.next() * 72);
  }
  return { caseId, events };
}
