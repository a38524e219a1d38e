import { given } from '../testing/case-spec.js';
import { NOW, at, caseOnHold, contactCustomer, customerContacted, story } from '../testing/case-fixtures.js';

describe('contacting the customer', () => {
  describe('a case just reported', () => {
    it('records the contact and the agreed visit', () => {
      given(...story.reported())
        .when(contactCustomer({ channel: 'sms', appointmentAt: at(900), note: 'after lunch' }))
        .then(customerContacted({ channel: 'sms', appointmentAt: at(900), note: 'after lunch' }, NOW));
    });
  });

  describe('a case already contacted', () => {
    it('accepts a re-contact to reschedule the visit', () => {
      given(...story.contacted())
        .when(contactCustomer({ appointmentAt: at(1000) }))
        .then(customerContacted({ appointmentAt: at(1000) }, NOW));
    });
  });

  describe('a case on hold', () => {
    it('refuses a contact until the case is resumed', () => {
      given(...story.reported(), caseOnHold())
        .when(contactCustomer())
        .thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'reported', onHold: true });
    });
  });

  describe('a case already dispatched', () => {
    it('refuses a contact and lists what the case accepts', () => {
      const error = given(...story.dispatched())
        .when(contactCustomer())
        .thenThrows('CASE.ILLEGAL_TRANSITION', {
          caseStatus: 'dispatched',
          onHold: false,
          allowedCommands: ['arrive', 'hold', 'repair', 'progress-update', 'cancel', 'file-complaint'],
        });
      expect(error.kind).toBe('conflict');
    });
  });

  describe('a case that does not exist', () => {
    it('answers not found', () => {
      const error = given().when(contactCustomer()).thenThrows('CASE.NOT_FOUND');
      expect(error.kind).toBe('not-found');
    });
  });
});
