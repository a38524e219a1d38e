import { Inject, Injectable } from '@nestjs/common';
import { foldCase, type Actor, type CaseEvent } from '#casetrail/domain';
import { caseEventSerializer, type RecordedEvent } from '#casetrail/event-store';
import type { LoadedCase } from '../cases/load-case.js';
import { CUSTOMER_KEY_STORE } from '../tokens.js';
import type { CustomerDataKey, CustomerKeyStore } from './key-store/customer-key-store.port.js';
import { personalDataAccess, type PersonalDataAccess } from './personal-data-access.js';
import { showPersonalData } from './show-personal-data.js';
import { isSealed } from './sealed-envelope.js';
import { personalFieldOf } from './personal-fields.js';

/**
 * Opens a loaded case's personal data for one reader: decrypted for the entitled, `[redacted]` for
 * the others, `[erased]` for everyone once the customer's key is gone. The events and the state
 * are refolded from the stored events, so every view of the case (state, history, clocks) agrees.
 */
@Injectable()
export class PersonalDataReader {
  constructor(@Inject(CUSTOMER_KEY_STORE) private readonly keys: CustomerKeyStore) {}

  /** Call after the read was authorised on the withheld case (`loadCase`), which tells a technician's assignment. */
  async open(loaded: LoadedCase, actor: Actor): Promise<LoadedCase> {
    const access = personalDataAccess(actor, loaded.state);
    const events = await this.openEvents(loaded.recorded, access);
    return { ...loaded, events, state: foldCase(events) };
  }

  async openEvents(recorded: readonly RecordedEvent[], access: PersonalDataAccess): Promise<CaseEvent[]> {
    return this.show(recorded.map((r) => caseEventSerializer.deserialize(r)), access);
  }

  /** Events as read (personal fields sealed), as this reader may see them. */
  async show(events: readonly CaseEvent[], access: PersonalDataAccess): Promise<CaseEvent[]> {
    const keys = await this.keysOf(events);
    return events.map((event) => showPersonalData(event, access, (customerId, keyId) => keys.get(`${customerId}\u0000${keyId}`) ?? null));
  }

  /** Each key once per read; never cached across reads, so an erasure on another replica shows at once. */
  private async keysOf(events: readonly CaseEvent[]): Promise<Map<string, CustomerDataKey | null>> {
    const keys = new Map<string, CustomerDataKey | null>();
    for (const event of events) {
      const value = personalFieldOf(event.type)?.get(event.data as never);
      if (!isSealed(value)) continue;
      const id = `${value.customerId}\u0000${value.keyId}`;
      if (!keys.has(id)) keys.set(id, await this.keys.findKey(value.customerId, value.keyId));
    }
    return keys;
  }
}
