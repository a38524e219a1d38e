import { allowedCommands } from './allowed-commands.js';
import type { CommandName } from './commands.js';
import type { CaseEvent } from './events.js';
import { foldCase } from './evolve.js';
import * as f from './testing/case-fixtures.js';

const { story } = f;
const allowed = (...events: CaseEvent[]) => allowedCommands(foldCase(events));
const ALWAYS: CommandName[] = ['progress-update', 'file-complaint'];
const sorted = (names: CommandName[]) => [...names].sort();

describe('the commands a case accepts', () => {
  it('accepts only a report for a case that does not exist', () => {
    expect(allowed()).toEqual(['report']);
  });

  it.each<[string, CaseEvent[], CommandName[]]>([
    ['reported', story.reported(), ['contact', 'hold', 'cancel']],
    ['contacted', story.contacted(), ['contact', 'dispatch', 'repair', 'hold', 'cancel']],
    ['dispatched', story.dispatched(), ['arrive', 'repair', 'hold', 'cancel']],
    ['on-site', story.onSite(), ['repair', 'issue-loaner', 'hold', 'cancel']],
    ['repaired', story.repaired(), ['accept', 'reject', 'cancel']],
    ['rejected', story.rejected(), ['dispatch', 'issue-loaner', 'hold', 'cancel']],
    ['accepted', story.accepted(), ['survey']],
    ['surveyed', story.surveyed(), []],
    ['cancelled', story.cancelled(), []],
  ])('a %s case', (_status, history, lifecycle) => {
    expect(sorted(allowed(...history))).toEqual(sorted([...lifecycle, ...ALWAYS]));
  });

  it('lists them in a stable order', () => {
    expect(allowed(...story.contacted())).toEqual(['contact', 'dispatch', 'hold', 'repair', 'progress-update', 'cancel', 'file-complaint']);
  });

  describe('a case on hold', () => {
    it('accepts only resume, cancel and what never waits', () => {
      expect(allowed(...story.dispatched(), f.caseOnHold())).toEqual(['resume', 'progress-update', 'cancel', 'file-complaint']);
    });

    it('still lets a loaner go out from site', () => {
      expect(allowed(...story.onSite(), f.caseOnHold())).toEqual(['resume', 'progress-update', 'issue-loaner', 'cancel', 'file-complaint']);
    });

    it('accepts the lifecycle again once resumed', () => {
      expect(allowed(...story.dispatched(), f.caseOnHold(), f.caseResumed())).toEqual(allowed(...story.dispatched()));
    });
  });

  describe('a case with a loaner out', () => {
    it('accepts its return instead of another loaner', () => {
      const names = allowed(...story.onSite(), f.loanerIssued());
      expect(names).toContain('return-loaner');
      expect(names).not.toContain('issue-loaner');
    });

    it('accepts its return even after the case is closed', () => {
      expect(allowed(...story.onSite(), f.loanerIssued(), f.caseCancelled({}, f.at(80)))).toEqual([
        'progress-update',
        'return-loaner',
        'file-complaint',
      ]);
    });
  });

  describe('a case with complaints', () => {
    it('offers each complaint command some complaint is ready for', () => {
      const names = allowed(
        ...story.surveyed(),
        f.complaintFiled(),
        f.complaintFiled({ complaintId: 'complaint-2' }),
        f.complaintAcknowledged({ complaintId: 'complaint-2' }),
        f.complaintResolved({ complaintId: 'complaint-2' }),
      );
      expect(names).toEqual(['progress-update', 'file-complaint', 'acknowledge-complaint', 'reopen-complaint']);
    });
  });
});
