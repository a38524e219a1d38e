import type { CaseEvent } from '#casetrail/domain';
import * as e from './analytics-events.builders.js';

/** A UTC instant in 2026; Shanghai is 8 hours ahead. */
export const at = (month: number, day: number, hour: number, minute = 0): string => new Date(Date.UTC(2026, month - 1, day, hour, minute)).toISOString();

/**
 * Five cases, interleaved:
 * c1 KFR-35GW urban — k1 quality/serious, resolved after 24 h, reopened, resolved again 78 h after
 *   filing (late); then a rework dispatch of tech-2, which must not move k1 off tech-1;
 * c2 XQG-80 suburban urgent — k2 service/minor, never dispatched, resolved in 12 h;
 * c3 KFR-35GW — k3 service/minor, still filed;
 * c4 AC-200 — reported and complained about just after midnight on 1 April in Shanghai (still 31 March in UTC);
 * c5 BCD-470 — reported at 23:00 on 31 March in Shanghai, no complaint.
 */
export const COMPLAINT_SCRIPT: readonly CaseEvent[] = [
  e.reported('c1', at(3, 2, 1)),
  e.dispatched('c1', at(3, 2, 3), 'tech-1'),
  e.complaintFiled('c1', at(3, 2, 4), 'k1', 'quality', 'serious'),
  e.complaintAcknowledged('c1', at(3, 2, 5), 'k1', 'quality'),
  e.reported('c2', at(3, 4, 2), { model: 'XQG-80', region: 'suburban', priority: 'urgent' }),
  e.complaintFiled('c2', at(3, 4, 3), 'k2', 'service', 'minor'),
  e.complaintResolved('c1', at(3, 3, 4), 'k1'),
  e.complaintAcknowledged('c2', at(3, 4, 4), 'k2', 'service'),
  e.complaintReopened('c1', at(3, 3, 6), 'k1'),
  e.complaintResolved('c2', at(3, 4, 15), 'k2'),
  e.complaintResolved('c1', at(3, 5, 10), 'k1'),
  e.dispatched('c1', at(3, 5, 11), 'tech-2', 1),
  e.reported('c3', at(3, 10, 1)),
  e.complaintFiled('c3', at(3, 10, 2), 'k3', 'service', 'minor'),
  e.reported('c5', at(3, 31, 15), { model: 'BCD-470' }),
  e.reported('c4', at(3, 31, 16, 10), { model: 'AC-200' }),
  e.complaintFiled('c4', at(3, 31, 16, 30), 'k4', 'other', 'minor'),
];
