import { given } from '../testing/case-spec.js';
import {
  COMPLAINT_ID,
  NOW,
  acknowledgeComplaint,
  caseOnHold,
  complaintAcknowledged,
  complaintFiled,
  complaintReopened,
  complaintResolved,
  fileComplaint,
  reopenComplaint,
  resolveComplaint,
  story,
} from '../testing/case-fixtures.js';

const filed = () => [...story.repaired(), complaintFiled()];
const acknowledged = () => [...filed(), complaintAcknowledged()];
const resolved = () => [...acknowledged(), complaintResolved()];

describe('filing a complaint', () => {
  describe.each(Object.entries(story))('a %s case', (_status, history) => {
    it('files the complaint', () => {
      given(...history())
        .when(fileComplaint({ category: 'quality', severity: 'serious', description: 'broke again' }))
        .then(complaintFiled({ category: 'quality', severity: 'serious', description: 'broke again' }, NOW));
    });
  });

  it('files a complaint on a case on hold', () => {
    given(...story.dispatched(), caseOnHold()).when(fileComplaint()).then(complaintFiled({}, NOW));
  });

  it('refuses a complaint id already used on the case', () => {
    given(...filed()).when(fileComplaint()).thenThrows('COMPLAINT.ALREADY_EXISTS', { complaintId: COMPLAINT_ID });
  });

  it('answers not found for a case that does not exist', () => {
    given().when(fileComplaint()).thenThrows('CASE.NOT_FOUND');
  });
});

describe('a filed complaint', () => {
  it('is acknowledged by a department', () => {
    given(...filed()).when(acknowledgeComplaint({ department: 'quality' })).then(complaintAcknowledged({ department: 'quality' }, NOW));
  });

  it('is acknowledged even while the case is on hold', () => {
    given(...story.onSite(), caseOnHold(), complaintFiled()).when(acknowledgeComplaint()).then(complaintAcknowledged({}, NOW));
  });

  it('refuses a resolution before acknowledgement', () => {
    const error = given(...filed())
      .when(resolveComplaint())
      .thenThrows('COMPLAINT.ILLEGAL_TRANSITION', { complaintId: COMPLAINT_ID, complaintStatus: 'filed', allowedCommands: ['acknowledge-complaint'] });
    expect(error.kind).toBe('conflict');
  });

  it('refuses a reopening', () => {
    given(...filed()).when(reopenComplaint()).thenThrows('COMPLAINT.ILLEGAL_TRANSITION', { complaintStatus: 'filed' });
  });
});

describe('an acknowledged complaint', () => {
  it('is resolved', () => {
    given(...acknowledged()).when(resolveComplaint({ resolution: 'refund' })).then(complaintResolved({ resolution: 'refund' }, NOW));
  });

  it('refuses a second acknowledgement', () => {
    given(...acknowledged())
      .when(acknowledgeComplaint())
      .thenThrows('COMPLAINT.ILLEGAL_TRANSITION', { complaintStatus: 'acknowledged', allowedCommands: ['resolve-complaint'] });
  });
});

describe('a resolved complaint', () => {
  it('is reopened when the customer is not satisfied', () => {
    given(...resolved()).when(reopenComplaint({ reason: 'still broken' })).then(complaintReopened({ reason: 'still broken' }, NOW));
  });

  it('refuses a second resolution', () => {
    given(...resolved()).when(resolveComplaint()).thenThrows('COMPLAINT.ILLEGAL_TRANSITION', { complaintStatus: 'resolved' });
  });

  it('is resolved again after being reopened', () => {
    given(...resolved(), complaintReopened()).when(resolveComplaint()).then(complaintResolved({}, NOW));
  });
});

describe('a complaint that does not exist', () => {
  it.each([
    ['acknowledged', acknowledgeComplaint],
    ['resolved', resolveComplaint],
    ['reopened', reopenComplaint],
  ])('cannot be %s', (_verb, command) => {
    const error = given(...filed()).when(command({ complaintId: 'nope' })).thenThrows('COMPLAINT.NOT_FOUND', { complaintId: 'nope' });
    expect(error.kind).toBe('not-found');
  });
});
