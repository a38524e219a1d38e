import type { CustomerEvent } from '#casetrail/domain';
import { EventSerializer } from '#casetrail/event-store';

/** Stored types of the customer stream's events, explicit and versioned like every other (DESIGN §2). */
export const customerEventSerializer = new EventSerializer<CustomerEvent>({ CustomerErased: 'CustomerErased.v1' });
