import type { CaseEvent, SurveyScores } from '#casetrail/domain';
import * as e from '../../complaints/testing/analytics-events.builders.js';
import { at } from '../../complaints/testing/complaint-script.js';

const scores = (attitude: number, quality: number, responseSpeed: number, overall: number): SurveyScores => ({ attitude, quality, responseSpeed, overall });

/**
 * Five cases:
 * s1 urban, tech-1 — repaired 3 Mar, surveyed overall 4 (satisfied: the boundary);
 * s2 suburban — repaired by tech-2 on 4 Mar, rejected, reworked by tech-1 on 6 Mar, surveyed overall 3 (not satisfied);
 * s3 urban, tech-2 — repaired 9 Mar, never surveyed;
 * s4 remote — fixed remotely with no technician at 01:00 on 1 April in Shanghai, surveyed 2 April, all 5s;
 * s5 urban, tech-2 — repaired 10 Mar, surveyed all 5s.
 */
export const SATISFACTION_SCRIPT: readonly CaseEvent[] = [
  e.reported('s1', at(3, 2, 1)),
  e.reported('s2', at(3, 2, 2), { region: 'suburban' }),
  e.reported('s3', at(3, 2, 3)),
  e.reported('s4', at(3, 2, 4), { region: 'remote', model: 'XQG-80' }),
  e.reported('s5', at(3, 2, 5)),
  e.dispatched('s1', at(3, 2, 6), 'tech-1'),
  e.dispatched('s2', at(3, 2, 7), 'tech-2'),
  e.dispatched('s3', at(3, 2, 8), 'tech-2'),
  e.dispatched('s5', at(3, 2, 9), 'tech-2'),
  e.repaired('s1', at(3, 3, 1), 'tech-1'),
  e.repaired('s2', at(3, 4, 1), 'tech-2'),
  e.accepted('s1', at(3, 4, 2)),
  e.rejected('s2', at(3, 4, 3)),
  e.surveyed('s1', at(3, 5, 1), scores(5, 4, 3, 4)),
  e.dispatched('s2', at(3, 5, 2), 'tech-1', 1),
  e.repaired('s2', at(3, 6, 1), 'tech-1'),
  e.accepted('s2', at(3, 6, 2)),
  e.surveyed('s2', at(3, 7, 1), scores(2, 3, 3, 3), null),
  e.repaired('s3', at(3, 9, 1), 'tech-2'),
  e.repaired('s5', at(3, 10, 1), 'tech-2'),
  e.accepted('s5', at(3, 11, 1)),
  e.surveyed('s5', at(3, 12, 1), scores(5, 5, 5, 5)),
  e.repaired('s4', at(3, 31, 17), null),
  e.accepted('s4', at(4, 1, 1)),
  e.surveyed('s4', at(4, 2, 1), scores(5, 5, 5, 5)),
];
