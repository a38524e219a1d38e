import { given } from '../testing/case-spec.js';
import { NOW, recordSurvey, story, surveyCompleted } from '../testing/case-fixtures.js';

const scores = { attitude: 5, quality: 4, responseSpeed: 3, overall: 4 };

describe('recording the satisfaction survey', () => {
  describe('a case already accepted', () => {
    it('records the scores', () => {
      given(...story.accepted())
        .when(recordSurvey({ scores, channel: 'visit', comment: 'friendly' }))
        .then(surveyCompleted({ scores, channel: 'visit', comment: 'friendly' }, NOW));
    });

    it.each([0, 6, 4.5, Number.NaN])('refuses a score of %p', (score) => {
      const error = given(...story.accepted())
        .when(recordSurvey({ scores: { ...scores, quality: score } }))
        .thenThrows('SURVEY.SCORE_OUT_OF_RANGE', { errors: [{ field: 'scores.quality' }] });
      expect(error.kind).toBe('invalid');
    });

    it('names every score out of range', () => {
      const error = given(...story.accepted())
        .when(recordSurvey({ scores: { attitude: 0, quality: 4, responseSpeed: 9, overall: 4 } }))
        .thenThrows('SURVEY.SCORE_OUT_OF_RANGE');
      expect(error.details['errors']).toEqual([
        expect.objectContaining({ field: 'scores.attitude' }),
        expect.objectContaining({ field: 'scores.responseSpeed' }),
      ]);
    });
  });

  describe('a case not yet accepted', () => {
    it('refuses a survey', () => {
      given(...story.repaired()).when(recordSurvey()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'repaired' });
    });
  });

  describe('a case already surveyed', () => {
    it('refuses a second survey', () => {
      given(...story.surveyed()).when(recordSurvey()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'surveyed', allowedCommands: ['progress-update', 'file-complaint'] });
    });
  });
});
