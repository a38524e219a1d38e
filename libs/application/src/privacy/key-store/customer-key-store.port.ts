/** A customer's data key: 32 random bytes for AES-256-GCM, named by `keyId` in every envelope it sealed. */
export interface CustomerDataKey {
  readonly customerId: string;
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * Where customer data keys live: never in the event store, so that deleting a key here makes the
 * customer's personal data unreadable everywhere it was copied (crypto-shredding). Adapters: a
 * SQLite file of its own (embedded) and a PostgreSQL table (production); both pass the contract
 * in `customer-key-store.int-spec.ts`.
 */
export interface CustomerKeyStore {
  /** The customer's key for new data, created and stored durably on first use; concurrent callers get the same key. */
  currentKey(customerId: string): Promise<CustomerDataKey>;
  /** The key that sealed an envelope; `null` once the customer was erased. */
  findKey(customerId: string, keyId: string): Promise<CustomerDataKey | null>;
  /** Deletes every key of the customer so that no copy of it remains in the store's files; returns how many. Idempotent. */
  deleteKeys(customerId: string): Promise<number>;
  close(): Promise<void>;
}
