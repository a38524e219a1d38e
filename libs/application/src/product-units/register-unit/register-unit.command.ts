import { Command } from '@nestjs/cqrs';
import type { Actor, RegisterUnit } from '#casetrail/domain';

export interface UnitCommandResult {
  readonly serialNumber: string;
  /** Revision of the last event appended to the unit's stream. */
  readonly revision: number;
}

/** `POST /v1/product-units`: registers a unit's warranty card. */
export class RegisterUnitCommand extends Command<UnitCommandResult> {
  constructor(
    readonly serialNumber: string,
    readonly data: Omit<RegisterUnit['data'], 'source' | 'caseId'>,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
