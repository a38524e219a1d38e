import type { GrantEntitlements } from '../unit-commands.js';
import type { EntitlementData } from '../unit-events.js';
import { given } from '../testing/unit-spec.js';
import { on, POLICY, SERIAL, unitRegistered } from '../testing/unit-fixtures.js';

const grant = (grounds: GrantEntitlements['data']['grounds']): GrantEntitlements => ({
  type: 'GrantEntitlements',
  serialNumber: SERIAL,
  occurredAt: on('2026-01-15'),
  data: { caseId: 'case-3', reportEventId: 'case-3-reported', grounds },
});

const data = (rule: EntitlementData['rule'], evidence: string[]): EntitlementData => ({
  serialNumber: SERIAL,
  caseId: 'case-3',
  rule,
  policyVersion: POLICY.version,
  reportedOn: '2026-01-15',
  evidence,
});

describe('granting the entitlements a report made due', () => {
  const grounds = [
    { entitlement: 'replacement', rule: 'early-quality-failures', policyVersion: POLICY.version, evidence: ['case-1-reported', 'case-1-repaired'] },
    { entitlement: 'return', rule: 'return-window', policyVersion: POLICY.version, evidence: [] },
    { entitlement: 'exchange', rule: 'exchange-window', policyVersion: POLICY.version, evidence: [] },
  ] as const;

  it('records one event per entitlement, the report first in its evidence', () => {
    given(unitRegistered())
      .when(grant(grounds))
      .then(
        { type: 'ReplacementEntitled', occurredAt: on('2026-01-15'), data: data('early-quality-failures', ['case-3-reported', 'case-1-reported', 'case-1-repaired']) },
        { type: 'ReturnEntitled', occurredAt: on('2026-01-15'), data: data('return-window', ['case-3-reported']) },
        { type: 'ExchangeEntitled', occurredAt: on('2026-01-15'), data: data('exchange-window', ['case-3-reported']) },
      );
  });

  it('decides nothing for entitlements already granted for that case (a repeated delivery)', () => {
    const history = [unitRegistered(), ...given(unitRegistered()).when(grant(grounds)).result()];
    given(...history).when(grant(grounds)).then();
  });

  it('refuses an unregistered unit', () => {
    given().when(grant(grounds)).thenThrows('UNIT.NOT_REGISTERED');
  });
});
