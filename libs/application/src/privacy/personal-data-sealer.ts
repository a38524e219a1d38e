import { CASE_EVENT_TYPES, type EventStore, type NewEvent } from '#casetrail/event-store';
import type { CustomerKeyStore } from './key-store/customer-key-store.port.js';
import { personalFieldOfStored, reportedCustomerId } from './personal-fields.js';
import { isSealed, seal } from './sealed-envelope.js';

/**
 * Replaces the personal fields of case events about to be appended by envelopes sealed under the
 * customer's data key (created on first use). It runs before the store hashes anything, so the
 * chain covers ciphertext: deleting the key later erases the data without breaking the chain.
 */
export class PersonalDataSealer {
  constructor(
    private readonly keys: CustomerKeyStore,
    /** Reads a case's report to learn its customer when a later event (an acceptance) is sealed. */
    private readonly store: EventStore,
  ) {}

  async seal(streamId: string, events: readonly NewEvent[]): Promise<NewEvent[]> {
    let customerId: string | undefined;
    const sealed: NewEvent[] = [];
    for (const event of events) {
      if (event.type === CASE_EVENT_TYPES.CaseReported) customerId = reportedCustomerId(event.data);
      const field = personalFieldOfStored(event.type);
      const value = field?.get(event.data);
      if (!field || value === undefined || value === null || isSealed(value)) {
        sealed.push(event);
        continue;
      }
      customerId ??= await this.customerOf(streamId);
      const key = await this.keys.currentKey(customerId);
      const caseId = event.data['caseId'] as string;
      sealed.push({ ...event, data: field.set(event.data, seal(value, key, { caseId, field: field.path })) });
    }
    return sealed;
  }

  private async customerOf(streamId: string): Promise<string> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (!first || !first.type.startsWith('CaseReported.')) throw new Error(`${streamId} has personal data to seal but no report naming its customer`);
    return reportedCustomerId(first.data);
  }
}
