import { foldCustomer } from './customer-state.js';
import { decideCustomer, type EraseCustomer } from './decide-customer.js';
import type { CustomerEvent } from './customer-events.js';

const admin = { id: 'admin-1', role: 'admin' } as const;
const erase = (reason = 'customer request 2026-031'): EraseCustomer => ({
  type: 'EraseCustomer',
  customerId: 'C-1',
  occurredAt: '2026-03-02T08:00:00.000Z',
  data: { reason },
});

describe('a customer never erased', () => {
  it('records who erased the data and why', () => {
    expect(decideCustomer(erase(), foldCustomer([]), admin)).toEqual([
      { type: 'CustomerErased', occurredAt: '2026-03-02T08:00:00.000Z', data: { customerId: 'C-1', erasedBy: admin, reason: 'customer request 2026-031' } },
    ]);
  });
});

describe('a customer already erased', () => {
  const history: CustomerEvent[] = decideCustomer(erase(), foldCustomer([]), admin);

  it('records nothing more when asked again', () => {
    expect(decideCustomer(erase('asked twice'), foldCustomer(history), admin)).toEqual([]);
  });

  it('keeps the first erasure as the one that counts', () => {
    expect(foldCustomer([...history, { ...history[0]!, occurredAt: '2026-04-01T00:00:00.000Z' }])).toEqual({
      status: 'erased',
      erasedAt: '2026-03-02T08:00:00.000Z',
      erasedBy: admin,
      reason: 'customer request 2026-031',
    });
  });
});
