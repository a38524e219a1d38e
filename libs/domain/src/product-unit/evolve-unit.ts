import type { Entitlement } from '../service-case/vocabulary.js';
import type { EntitlementData, UnitEvent } from './unit-events.js';
import { initialUnitState, type RegisteredUnit, type UnitState } from './unit-state.js';

const ENTITLEMENT_OF: Readonly<Record<'ReplacementEntitled' | 'ReturnEntitled' | 'ExchangeEntitled', Entitlement>> = {
  ReplacementEntitled: 'replacement',
  ReturnEntitled: 'return',
  ExchangeEntitled: 'exchange',
};

const registered = (state: UnitState, type: string): RegisteredUnit => {
  // The decider never emits these before UnitRegistered; a stream that does is corrupt.
  if (state.status !== 'registered') throw new Error(`${type} on an unregistered product unit`);
  return state;
};

const entitled = (state: RegisteredUnit, kind: Entitlement, data: EntitlementData): RegisteredUnit => ({
  ...state,
  entitlements: [
    ...state.entitlements,
    { kind, caseId: data.caseId, rule: data.rule, policyVersion: data.policyVersion, reportedOn: data.reportedOn, evidence: data.evidence },
  ],
});

/** Folds one product-unit event into the state. Pure and total over `UnitEvent`. */
export const evolveUnit = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case 'UnitRegistered': {
      const { serialNumber, model, invoiceDate, purchaseDate, manufactureDate, customerId, source, warranty } = event.data;
      return {
        status: 'registered',
        serialNumber,
        model,
        dates: { invoiceDate, purchaseDate, manufactureDate },
        customerId,
        source,
        warranty: { ...warranty, extensionDays: 0, extendedFor: [] },
        repairs: [],
        entitlements: [],
      };
    }
    case 'UnitRepairRecorded': {
      const unit = registered(state, event.type);
      const { caseId, repairEventId, faultCategory, coverage, exclusion, reportedOn, repairedOn, evidence } = event.data;
      return { ...unit, repairs: [...unit.repairs, { caseId, repairEventId, faultCategory, coverage, exclusion, reportedOn, repairedOn, evidence }] };
    }
    case 'WarrantyExtended': {
      const unit = registered(state, event.type);
      const { extensionDays, expiresOn, caseId } = event.data;
      return { ...unit, warranty: { ...unit.warranty, extensionDays, expiresOn, extendedFor: [...unit.warranty.extendedFor, caseId] } };
    }
    case 'ReplacementEntitled':
    case 'ReturnEntitled':
    case 'ExchangeEntitled':
      return entitled(registered(state, event.type), ENTITLEMENT_OF[event.type], event.data);
    default: {
      const unexpected: never = event;
      throw new Error(`unknown product-unit event ${(unexpected as { type: string }).type}`);
    }
  }
};

export const foldUnit = (events: readonly UnitEvent[]): UnitState => events.reduce(evolveUnit, initialUnitState);
