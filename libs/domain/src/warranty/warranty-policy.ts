import type { Entitlement } from '../service-case/vocabulary.js';

/**
 * The warranty rules in force (DESIGN §1, §4). Data, not code: a new version is a new value,
 * loaded from a file by the application.
 */
export interface WarrantyPolicy {
  readonly version: string;
  /** The zone whose calendar decides "which day" an instant falls on. */
  readonly timeZone: string;
  readonly defaultMonths: number;
  /** Warranty months per product model, overriding `defaultMonths`. */
  readonly monthsByModel: Readonly<Record<string, number>>;
  /** Consumables (filters, batteries, bulbs) carry their own shorter warranty. */
  readonly consumableMonths: number;
  /** Each in-warranty failure that stopped the product working extends the warranty by this much. */
  readonly extensionDaysPerRepair: number;
  /** The same fault still failing after this many repairs entitles a free replacement. */
  readonly sameFaultRepairsForReplacement: number;
  /** Two quality failures within this many days of purchase entitle a replacement. */
  readonly qualityFailureWindowDays: number;
  readonly returnWindowDays: number;
  readonly exchangeWindowDays: number;
}

export const DEFAULT_WARRANTY_POLICY: WarrantyPolicy = {
  version: 'warranty-v1',
  timeZone: 'Asia/Shanghai',
  defaultMonths: 12,
  monthsByModel: {},
  consumableMonths: 3,
  extensionDaysPerRepair: 60,
  sameFaultRepairsForReplacement: 2,
  qualityFailureWindowDays: 45,
  returnWindowDays: 7,
  exchangeWindowDays: 15,
};

/**
 * What the product unit's own history says about its warranty (repairs that extended it,
 * entitlements already due). The product-unit aggregate will compute this; until it exists the
 * application passes `null`, which means "no extensions, no entitlements".
 */
export interface UnitWarrantyFacts {
  readonly extensionDays: number;
  readonly entitlements: readonly Entitlement[];
}
