import type { DomainError } from '../shared/domain-error.js';
import { allowedCommands } from './allowed-commands.js';
import type { CaseCommand } from './commands.js';
import { COMMAND_NAMES } from './commands.js';
import { decide } from './decide.js';
import type { CaseEvent } from './events.js';
import { foldCase } from './evolve.js';
import { given } from './testing/case-spec.js';
import * as f from './testing/case-fixtures.js';

const { actors, story } = f;

/** One valid command of each kind but report, for the rules every command shares. */
const everyCommandOnACase: CaseCommand[] = [
  f.contactCustomer(),
  f.dispatchTechnician(),
  f.recordArrival(),
  f.putOnHold(),
  f.resumeCase(),
  f.completeRepair(),
  f.acceptRepair(),
  f.rejectRepair(),
  f.recordSurvey(),
  f.sendProgressUpdate(),
  f.issueLoaner(),
  f.returnLoaner(),
  f.cancelCase(),
  f.fileComplaint(),
  f.acknowledgeComplaint(),
  f.resolveComplaint(),
  f.reopenComplaint(),
];
const named = (commands: CaseCommand[]) => commands.map((c) => [COMMAND_NAMES[c.type], c] as const);

describe('a case that does not exist', () => {
  it.each(named(everyCommandOnACase))('answers %s with not found', (_name, command) => {
    const error = given().when(command).thenThrows('CASE.NOT_FOUND', { caseId: f.CASE_ID });
    expect(error.kind).toBe('not-found');
  });
});

describe('when a command says it happened', () => {
  const contactAt = (occurredAt: string, now = f.NOW) => given(...story.reported()).when(f.contactCustomer({}, occurredAt), { now });

  it('accepts a time up to 2 minutes ahead of the server', () => {
    expect(contactAt('2026-03-03T01:02:00.000Z', '2026-03-03T01:00:00.000Z').result()).toHaveLength(1);
  });

  it('refuses a time more than 2 minutes ahead of the server', () => {
    const error = contactAt('2026-03-03T01:02:00.001Z', '2026-03-03T01:00:00.000Z').thenThrows('CASE.OCCURRED_AT_INVALID', {
      errors: [{ field: 'occurredAt' }],
    });
    expect(error.kind).toBe('invalid');
  });

  it('accepts the same instant as the previous event', () => {
    expect(contactAt(f.at(0)).result()).toHaveLength(1);
  });

  it('refuses a time before the case’s previous event', () => {
    given(...story.contacted())
      .when(f.dispatchTechnician({}, f.at(5)))
      .thenThrows('CASE.OCCURRED_AT_INVALID', { errors: [{ field: 'occurredAt' }] });
  });

  it('refuses a time that is not an instant', () => {
    contactAt('yesterday').thenThrows('CASE.OCCURRED_AT_INVALID');
  });

  it('stamps every event with the command’s time, not the server’s', () => {
    const [event] = contactAt(f.at(100)).result();
    expect(event?.occurredAt).toBe(f.at(100));
  });
});

describe('a technician the case is not assigned to', () => {
  const restricted = named([
    f.recordArrival(),
    f.putOnHold(),
    f.resumeCase(),
    f.completeRepair(),
    f.acceptRepair(),
    f.rejectRepair(),
    f.issueLoaner(),
    f.returnLoaner(),
  ]);

  it.each(restricted)('is refused %s, before anything about the case is revealed', (_name, command) => {
    const error = given(...story.dispatched()).when(command, { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    expect(error.kind).toBe('forbidden');
    expect(error.details).not.toHaveProperty('allowedCommands');
  });

  it('is refused on a case with no technician yet', () => {
    given(...story.contacted()).when(f.putOnHold(), { actor: actors.assignedTechnician }).thenThrows('CASE.NOT_ASSIGNED');
  });

  it('may still send a progress update (the HTTP layer decides who may)', () => {
    given(...story.dispatched()).when(f.sendProgressUpdate(), { actor: actors.otherTechnician }).then(f.progressUpdateSent({}, f.NOW));
  });
});

describe('any other role', () => {
  it.each([actors.agent, actors.supervisor])('is not restricted to assigned cases ($role)', (actor) => {
    given(...story.dispatched()).when(f.recordArrival(), { actor }).then(f.technicianArrived({}, f.NOW));
  });
});

describe('decide and allowedCommands', () => {
  const histories: [string, CaseEvent[]][] = [
    ...Object.entries(story).map(([status, history]) => [status, history()] as [string, CaseEvent[]]),
    ...(['reported', 'contacted', 'dispatched', 'onSite', 'rejected'] as const).map(
      (status) => [`${status} on hold`, [...story[status](), f.caseOnHold({}, f.at(70))]] as [string, CaseEvent[]],
    ),
    ['on-site with a loaner out', [...story.onSite(), f.loanerIssued()]],
  ];
  const caseLevel = everyCommandOnACase.filter((c) => !c.type.endsWith('Complaint') || c.type === 'FileComplaint');

  it.each(histories)('agree on every command for a %s case', (_label, history) => {
    const names = allowedCommands(foldCase(history));
    for (const command of caseLevel) {
      const fitting = command.type === 'CompleteRepair' && foldCase(history).status !== 'on-site' ? f.completeRepair({ mode: 'remote' }) : command;
      const outcome = (() => {
        try {
          return decide(fitting, foldCase(history), f.context()).length > 0 ? 'accepted' : 'empty';
        } catch (error) {
          return (error as DomainError).code;
        }
      })();
      expect([COMMAND_NAMES[command.type], outcome]).toEqual([
        COMMAND_NAMES[command.type],
        names.includes(COMMAND_NAMES[command.type]) ? 'accepted' : 'CASE.ILLEGAL_TRANSITION',
      ]);
    }
  });
});
