import type { Instant } from '../../shared/primitives.js';
import { DEFAULT_WARRANTY_POLICY } from '../../warranty/warranty-policy.js';
import type { UnitDecideContext } from '../decide/unit-decide-context.js';
import type * as C from '../unit-commands.js';
import type * as E from '../unit-events.js';

/** Test data of product-unit specs: an air conditioner invoiced on 2026-01-10 (Shanghai time throughout). */
export const SERIAL = 'SN-1';
/** Noon in Shanghai on that day. */
export const on = (date: string): Instant => `${date}T04:00:00.000Z`;
export const POLICY = DEFAULT_WARRANTY_POLICY;

export const unitContext = (overrides: Partial<UnitDecideContext> = {}): UnitDecideContext => ({ warrantyPolicy: POLICY, ...overrides });

type Data<T> = T extends { data: infer D } ? D : never;

export const registerUnit = (data: Partial<Data<C.RegisterUnit>> = {}, occurredAt = on('2026-01-12')): C.RegisterUnit => ({
  type: 'RegisterUnit',
  serialNumber: SERIAL,
  occurredAt,
  data: { model: 'AC-200', invoiceDate: '2026-01-10', purchaseDate: null, manufactureDate: null, customerId: 'cust-1', source: 'registration', caseId: null, ...data },
});

export const unitRegistered = (data: Partial<Data<E.UnitRegistered>> = {}, occurredAt = on('2026-01-12')): E.UnitRegistered => ({
  type: 'UnitRegistered',
  occurredAt,
  data: {
    serialNumber: SERIAL,
    model: 'AC-200',
    invoiceDate: '2026-01-10',
    purchaseDate: null,
    manufactureDate: null,
    customerId: 'cust-1',
    source: 'registration',
    caseId: null,
    warranty: { basis: 'invoice', startsOn: '2026-01-10', months: 12, expiresOn: '2027-01-09' },
    policyVersion: POLICY.version,
    ...data,
  },
});

/** The repair of case `caseId`, its events named `<caseId>-reported` and `<caseId>-repaired`. */
export const recordRepair = (caseId: string, data: Partial<Data<C.RecordRepair>> = {}, occurredAt = on('2026-02-20')): C.RecordRepair => ({
  type: 'RecordRepair',
  serialNumber: SERIAL,
  occurredAt,
  data: {
    caseId,
    reportEventId: `${caseId}-reported`,
    repairEventId: `${caseId}-repaired`,
    faultCategory: 'hardware',
    coverage: 'warranty',
    exclusion: null,
    reportedAt: on('2026-02-18'),
    ...data,
  },
});

export const unitRepairRecorded = (caseId: string, data: Partial<Data<E.UnitRepairRecorded>> = {}, occurredAt = on('2026-02-20')): E.UnitRepairRecorded => ({
  type: 'UnitRepairRecorded',
  occurredAt,
  data: {
    serialNumber: SERIAL,
    caseId,
    repairEventId: `${caseId}-repaired`,
    faultCategory: 'hardware',
    coverage: 'warranty',
    exclusion: null,
    reportedOn: '2026-02-18',
    repairedOn: '2026-02-20',
    evidence: [`${caseId}-reported`, `${caseId}-repaired`],
    ...data,
  },
});

export const warrantyExtended = (caseId: string, data: Partial<Data<E.WarrantyExtended>> = {}, occurredAt = on('2026-02-20')): E.WarrantyExtended => ({
  type: 'WarrantyExtended',
  occurredAt,
  data: {
    serialNumber: SERIAL,
    caseId,
    rule: 'extension-per-repair',
    policyVersion: POLICY.version,
    days: 60,
    extensionDays: 60,
    expiresOn: '2027-03-10',
    evidence: [`${caseId}-reported`, `${caseId}-repaired`],
    ...data,
  },
});
