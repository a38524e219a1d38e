import type { CaseEvent } from '../events.js';
import { given } from '../testing/case-spec.js';
import { NOW, caseOnHold, progressUpdateSent, sendProgressUpdate, story } from '../testing/case-fixtures.js';

const everyStatus: [string, () => CaseEvent[]][] = Object.entries(story);

describe('sending a progress update', () => {
  describe.each(everyStatus)('a %s case', (_status, history) => {
    it('records the update', () => {
      given(...history())
        .when(sendProgressUpdate({ kind: 'result', channel: 'email', message: 'fixed' }))
        .then(progressUpdateSent({ kind: 'result', channel: 'email', message: 'fixed' }, NOW));
    });
  });

  describe('a case on hold', () => {
    it('still keeps the customer informed', () => {
      given(...story.dispatched(), caseOnHold()).when(sendProgressUpdate()).then(progressUpdateSent({}, NOW));
    });
  });

  describe('a case that does not exist', () => {
    it('answers not found', () => {
      given().when(sendProgressUpdate()).thenThrows('CASE.NOT_FOUND');
    });
  });
});
