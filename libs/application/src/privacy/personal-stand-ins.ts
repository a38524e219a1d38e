import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '#casetrail/domain';
import { personalFieldOf } from './personal-fields.js';
import { withholdPersonalData } from './show-personal-data.js';

type Data = Readonly<Record<string, unknown>>;

/**
 * One personal value of a case, folded as a stand-in so that the folded state serves every reader:
 * their view is the state with each stand-in replaced by what they may see of `event`, not a
 * refold of the whole history. `prop` is the top-level data member holding the personal field
 * (`customer` of `CaseReported`, whose shown form also says whether it was erased; `signedBy`).
 */
export interface PersonalSlot {
  /** The event as stored: sealed, ready to be shown to a reader. */
  readonly event: CaseEvent;
  readonly prop: string;
  readonly standIn: unknown;
}

// Stand-in strings carry a secret of this process, so no input can forge one and be swapped for a customer's name.
const NONCE = randomUUID();

/**
 * The event as the fold sees it (personal data withheld, its member replaced by a stand-in), and
 * the slot that member makes, or no slot for an event without personal data. `n` makes string
 * stand-ins unique within a case; object stand-ins are unique by identity.
 */
export function standIn(event: CaseEvent, n: number): { folded: CaseEvent; slot: PersonalSlot | null } {
  const field = personalFieldOf(event.type);
  if (!field) return { folded: event, slot: null };
  const withheld = withholdPersonalData(event);
  const prop = field.path.split('.')[0]!;
  const value = (withheld.data as Data)[prop];
  const standIn = typeof value === 'object' && value !== null ? { ...value } : `\u0000${NONCE}:${n}`;
  const folded = { ...withheld, data: { ...(withheld.data as Data), [prop]: standIn } } as CaseEvent;
  return { folded, slot: { event, prop, standIn } };
}

/** `value` with every stand-in of `slots` replaced by the matching member of `shown` (the slot's event as a reader sees it); untouched parts are shared. */
export function replaceStandIns<T>(value: T, slots: readonly PersonalSlot[], shown: readonly CaseEvent[]): T {
  if (slots.length === 0) return value;
  const replacements = new Map<unknown, unknown>(slots.map((slot, i) => [slot.standIn, (shown[i]!.data as Data)[slot.prop]]));
  return replace(value, replacements) as T;
}

function replace(value: unknown, replacements: ReadonlyMap<unknown, unknown>): unknown {
  if (replacements.has(value)) return replacements.get(value);
  if (typeof value !== 'object' || value === null) return value;
  let copy: Record<string, unknown> | unknown[] | null = null;
  for (const [key, member] of Object.entries(value)) {
    const replaced = replace(member, replacements);
    if (replaced === member) continue;
    copy ??= Array.isArray(value) ? [...value] : { ...value };
    (copy as Record<string, unknown>)[key] = replaced;
  }
  return copy ?? value;
}
