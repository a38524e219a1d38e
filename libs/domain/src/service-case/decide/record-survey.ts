import type { FieldError } from '../../shared/domain-error.js';
import type { ExistingCase } from '../case-state.js';
import type { RecordSurvey } from '../commands.js';
import type { SurveyCompleted, SurveyScores } from '../events.js';
import { invalidFields } from './case-errors.js';

const SCORE_NAMES = ['attitude', 'quality', 'responseSpeed', 'overall'] as const satisfies readonly (keyof SurveyScores)[];

/** Satisfaction figures average these scores; one stray 0 or 4.5 would skew them, whoever let it through. */
const assertScores = (scores: SurveyScores): void => {
  const errors: FieldError[] = SCORE_NAMES.filter((name) => {
    const score = scores[name];
    return !Number.isInteger(score) || score < 1 || score > 5;
  }).map((name) => ({ field: `scores.${name}`, message: 'must be a whole number from 1 to 5' }));
  if (errors.length > 0) throw invalidFields('SURVEY.SCORE_OUT_OF_RANGE', 'Survey scores run from 1 to 5.', errors);
};

export const recordSurvey = (command: RecordSurvey, state: ExistingCase): [SurveyCompleted] => {
  const { scores, channel, comment } = command.data;
  assertScores(scores);
  return [
    {
      type: 'SurveyCompleted',
      occurredAt: command.occurredAt,
      data: {
        caseId: state.caseId,
        scores: { attitude: scores.attitude, quality: scores.quality, responseSpeed: scores.responseSpeed, overall: scores.overall },
        channel,
        comment,
      },
    },
  ];
};
