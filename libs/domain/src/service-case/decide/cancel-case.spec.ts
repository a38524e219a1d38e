import type { CaseEvent } from '../events.js';
import { given } from '../testing/case-spec.js';
import { NOW, caseCancelled, caseOnHold, cancelCase, story } from '../testing/case-fixtures.js';

const cancellable: [string, () => CaseEvent[]][] = [
  ['reported', story.reported],
  ['contacted', story.contacted],
  ['dispatched', story.dispatched],
  ['on-site', story.onSite],
  ['repaired', story.repaired],
  ['rejected', story.rejected],
];

describe('cancelling a case', () => {
  describe.each(cancellable)('a %s case', (_status, history) => {
    it('cancels it with the reason', () => {
      given(...history())
        .when(cancelCase({ reason: 'duplicate', note: 'see case-0' }))
        .then(caseCancelled({ reason: 'duplicate', note: 'see case-0' }, NOW));
    });
  });

  describe('a case on hold', () => {
    it('cancels it without resuming first', () => {
      given(...story.dispatched(), caseOnHold()).when(cancelCase()).then(caseCancelled({}, NOW));
    });
  });

  describe.each([
    ['accepted', story.accepted],
    ['surveyed', story.surveyed],
    ['cancelled', story.cancelled],
  ])('a %s case', (status, history) => {
    it('refuses a cancellation', () => {
      given(...history()).when(cancelCase()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: status });
    });
  });
});
