import { caseStreamId, decideUnit, type CaseEvent, type CaseReported, type RepairCompleted, type UnitCommand, type WarrantyPolicy } from '#casetrail/domain';
import {
  caseEventSerializer,
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '#casetrail/event-store';
import { deriveEventId } from '../../cases/execute-case-command/event-envelope.js';
import { loadUnit } from '../load-unit.js';
import { toUnitNewEvents } from '../unit-event-envelope.js';

const CASE_STREAM = 'ServiceCase-';
const SCOPE = 'warranty-process';
/** Another writer (a second manager, a racing append) may slip in between our read and our append: read again, decide again. */
const MAX_ATTEMPTS = 5;

/**
 * The warranty process manager's reaction to one stored case event (DESIGN §4): a report's
 * entitlements are put on the unit's stream; a completed repair is recorded on the unit, whose
 * decider extends the warranty. The report itself registered an unknown unit (`EventStoreUnitFacts`);
 * a unit still unknown belongs to cases written around the command handler (imports, generated
 * benchmarks) and is not tracked: no warranty history is invented for it. Exactly-once comes from the unit's
 * decider, which decides nothing for a repair or grant it already holds, and from event ids derived
 * from the causing event, which the store never keeps twice. So handling an event again — after a
 * crash between the append and the checkpoint — changes nothing.
 */
export class WarrantyProcess {
  constructor(
    private readonly store: EventStore,
    private readonly policy: WarrantyPolicy,
  ) {}

  /** Handles one stored event; returns how many unit events it appended. Events of other kinds are ignored. */
  async handle(recorded: RecordedEvent): Promise<number> {
    if (!recorded.streamId.startsWith(CASE_STREAM)) return 0;
    const event: CaseEvent = caseEventSerializer.deserialize(recorded);
    if (event.type === 'CaseReported') return this.onReported(event, recorded);
    if (event.type === 'RepairCompleted') return this.onRepaired(event, recorded);
    return 0;
  }

  private onReported(reported: CaseReported, recorded: RecordedEvent): Promise<number> {
    const { caseId, product, entitlementGrounds = [] } = reported.data;
    if (entitlementGrounds.length === 0) return Promise.resolve(0);
    const grant: UnitCommand = {
      type: 'GrantEntitlements',
      serialNumber: product.serialNumber,
      occurredAt: reported.occurredAt,
      data: { caseId, reportEventId: recorded.metadata.eventId, grounds: entitlementGrounds },
    };
    return this.decideAndAppend(product.serialNumber, grant, recorded);
  }

  private async onRepaired(repaired: RepairCompleted, recorded: RecordedEvent): Promise<number> {
    const [first] = await this.store.readStream(caseStreamId(repaired.data.caseId), { maxCount: 1 });
    const reported = first && caseEventSerializer.deserialize(first);
    if (reported?.type !== 'CaseReported') throw new Error(`Case ${repaired.data.caseId} has a repair but no report`);
    const { serialNumber } = reported.data.product;
    const repair: UnitCommand = {
      type: 'RecordRepair',
      serialNumber,
      occurredAt: repaired.occurredAt,
      data: {
        caseId: repaired.data.caseId,
        reportEventId: first.metadata.eventId,
        repairEventId: recorded.metadata.eventId,
        faultCategory: reported.data.fault.category,
        coverage: repaired.data.coverage,
        exclusion: repaired.data.exclusion,
        reportedAt: reported.occurredAt,
      },
    };
    return this.decideAndAppend(serialNumber, repair, recorded);
  }

  private async decideAndAppend(serialNumber: string, command: UnitCommand, cause: RecordedEvent): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const unit = await loadUnit(this.store, serialNumber);
      if (unit.state.status !== 'registered') return 0;
      const events = decideUnit(command, unit.state, { warrantyPolicy: this.policy });
      if (events.length === 0) return 0;
      const { eventId, correlationId, actor } = cause.metadata;
      const envelope = {
        eventId: (index: number) => deriveEventId(SCOPE, eventId, unit.streamId, index),
        commandId: deriveEventId(SCOPE, eventId, 'command', 0),
        correlationId,
        causationId: eventId,
        // The events are consequences of this person's command; causationId names it.
        actor,
      };
      try {
        await this.store.appendToStream(unit.streamId, toUnitNewEvents(events, envelope), {
          expectedRevision: unit.revision < 0 ? 'no-stream' : unit.revision,
        });
        return events.length;
      } catch (error) {
        const raced = error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
