import type { CaseState } from './case-state.js';
import { initialCaseState } from './case-state.js';
import type { CaseEvent } from './events.js';
import { evolve, foldCase } from './evolve.js';
import * as f from './testing/case-fixtures.js';

const { story } = f;
const existing = (...events: CaseEvent[]) => {
  const state = foldCase(events);
  if (state.status === 'none') throw new Error('expected an existing case');
  return state;
};

describe('folding a case', () => {
  it('starts from a case that does not exist', () => {
    expect(foldCase([])).toEqual(initialCaseState);
    expect(initialCaseState).toEqual({ status: 'none' });
  });

  it('ignores anything but a report on a case that does not exist', () => {
    expect(evolve(initialCaseState, f.customerContacted())).toBe(initialCaseState);
  });

  it('holds everything a client needs once reported', () => {
    expect(existing(...story.reported())).toEqual({
      status: 'reported',
      caseId: f.CASE_ID,
      customer: { id: 'cust-1', region: 'urban', personal: { name: 'Li Lei', phone: '13800000000', address: '1 Nanjing Rd' } },
      product: { model: 'AC-200', serialNumber: 'SN-1', invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
      fault: { category: 'hardware', description: 'does not cool' },
      channel: 'hotline',
      priority: 'general',
      warranty: f.WARRANTY_IN,
      entitlements: [],
      slaPolicy: 'standard-v1',
      reportedAt: f.at(0),
      lastOccurredAt: f.at(0),
      technicianId: null,
      appointmentAt: null,
      complexity: null,
      reworkCount: 0,
      hold: null,
      loaner: null,
      lastRepair: null,
      lastRejection: null,
      acceptedBy: null,
      acceptedAt: null,
      survey: null,
      cancellation: null,
      complaints: [],
    } satisfies CaseState);
  });

  it.each(Object.entries(story))('is plain JSON for a %s case', (_status, history) => {
    const state = foldCase(history());
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('follows the usual road to a survey', () => {
    const statuses = story.surveyed().map((_, i, all) => foldCase(all.slice(0, i + 1)).status);
    expect(statuses).toEqual(['reported', 'contacted', 'dispatched', 'on-site', 'repaired', 'accepted', 'surveyed']);
  });

  it('keeps the status on a re-contact and takes the new appointment', () => {
    const state = existing(...story.contacted(), f.customerContacted({ appointmentAt: f.at(3000) }, f.at(15)));
    expect(state).toMatchObject({ status: 'contacted', appointmentAt: f.at(3000), lastOccurredAt: f.at(15) });
  });

  it('records the technician and the complexity found on arrival', () => {
    expect(existing(...story.dispatched(), f.technicianArrived({ complexity: 'complex' }))).toMatchObject({
      status: 'on-site',
      technicianId: f.TECHNICIAN,
      complexity: 'complex',
    });
  });

  it('records the repair and lets the repair change the complexity', () => {
    const state = existing(...story.onSite(), f.repairCompleted({ complexity: 'general', coverage: 'chargeable', exclusion: 'misuse', charges: f.CHARGES }));
    expect(state).toMatchObject({
      status: 'repaired',
      complexity: 'general',
      lastRepair: { mode: 'on-site', coverage: 'chargeable', exclusion: 'misuse', charges: f.CHARGES, technicianId: f.TECHNICIAN, completedAt: f.at(40) },
    });
  });

  it('counts rework and keeps the rejection visible', () => {
    const state = existing(...story.rejected(), f.technicianDispatched({ rework: true, reworkCount: 1, technicianId: 'tech-2' }, f.at(60)));
    expect(state).toMatchObject({
      status: 'dispatched',
      technicianId: 'tech-2',
      reworkCount: 1,
      lastRejection: { reason: 'still warm', rejectedAt: f.at(50) },
    });
  });

  it('records who signed the acceptance and the survey', () => {
    expect(existing(...story.surveyed())).toMatchObject({
      acceptedBy: 'Li Lei',
      acceptedAt: f.at(50),
      survey: { scores: { overall: 5 }, channel: 'phone', surveyedAt: f.at(60) },
    });
  });

  it('puts on hold and resumes without changing the status', () => {
    const held = existing(...story.onSite(), f.caseOnHold({ reason: 'awaiting-customer', note: 'away' }));
    expect(held).toMatchObject({ status: 'on-site', hold: { reason: 'awaiting-customer', note: 'away', since: f.at(70) } });
    expect(existing(...story.onSite(), f.caseOnHold(), f.caseResumed())).toMatchObject({ status: 'on-site', hold: null });
  });

  it('ends the hold and remembers the status when a case is cancelled', () => {
    const state = existing(...story.dispatched(), f.caseOnHold(), f.caseCancelled({ reason: 'other', note: 'moved' }, f.at(75)));
    expect(state).toMatchObject({
      status: 'cancelled',
      hold: null,
      cancellation: { reason: 'other', note: 'moved', cancelledAt: f.at(75), previousStatus: 'dispatched' },
    });
  });

  it('tracks the loaner out and back', () => {
    expect(existing(...story.onSite(), f.loanerIssued())).toMatchObject({ loaner: { serial: 'LOAN-1', issuedAt: f.at(75) } });
    expect(existing(...story.onSite(), f.loanerIssued(), f.loanerReturned())).toMatchObject({ loaner: null });
  });

  it('follows a complaint through its own lifecycle', () => {
    const filed = [...story.repaired(), f.complaintFiled()];
    const complaint = (...more: CaseEvent[]) => existing(...filed, ...more).complaints[0];
    expect(complaint()).toMatchObject({ status: 'filed', department: null, filedAt: f.at(100), reopenCount: 0 });
    expect(complaint(f.complaintAcknowledged())).toMatchObject({ status: 'acknowledged', department: 'service desk', acknowledgedAt: f.at(110) });
    expect(complaint(f.complaintAcknowledged(), f.complaintResolved())).toMatchObject({ status: 'resolved', resolution: 'apologised', resolvedAt: f.at(120) });
    expect(complaint(f.complaintAcknowledged(), f.complaintResolved(), f.complaintReopened())).toMatchObject({
      status: 'acknowledged',
      resolution: null,
      resolvedAt: null,
      acknowledgedAt: f.at(110),
      reopenCount: 1,
    });
  });

  it('leaves the status alone for an event that does not fit it, but moves its clock', () => {
    const state = existing(...story.reported(), f.repairAccepted({}, f.at(5)));
    expect(state).toMatchObject({ status: 'reported', acceptedBy: null, lastOccurredAt: f.at(5) });
  });
});
