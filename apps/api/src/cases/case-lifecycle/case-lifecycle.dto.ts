import {
  CANCEL_REASONS,
  COMPLEXITIES,
  CONTACT_CHANNELS,
  HOLD_REASONS,
  PROGRESS_KINDS,
  SURVEY_CHANNELS,
  type CancelCase,
  type ContactCustomer,
  type DispatchTechnician,
  type PutOnHold,
  type RecordArrival,
  type RecordSurvey,
  type SendProgressUpdate,
} from '#casetrail/domain';
import { CommandBodyDto, instantOrNull } from '../shared/command-body.dto.js';
import { EnumField, InstantField, IntField, NestedField, TextField } from '../shared/dto-fields.js';

/** Bodies of the lifecycle commands (DESIGN §7), each mapping itself onto its domain command's data. */
export class ContactCustomerDto extends CommandBodyDto {
  @EnumField(CONTACT_CHANNELS) channel!: ContactCustomer['data']['channel'];
  @InstantField({ optional: true, description: 'The visit agreed with the customer.' }) appointmentAt?: string | null;
  @TextField(2000, { optional: true }) note?: string | null;

  toData(): ContactCustomer['data'] {
    return { channel: this.channel, appointmentAt: instantOrNull(this.appointmentAt), note: this.note ?? null };
  }
}

export class DispatchTechnicianDto extends CommandBodyDto {
  @TextField(64, { example: 'tech-07' }) technicianId!: string;
  @InstantField({ optional: true }) appointmentAt?: string | null;

  toData(): DispatchTechnician['data'] {
    return { technicianId: this.technicianId, appointmentAt: instantOrNull(this.appointmentAt) };
  }
}

export class RecordArrivalDto extends CommandBodyDto {
  @EnumField(COMPLEXITIES, { optional: true, description: 'Complex faults get the longer repair target from now on.' })
  complexity?: RecordArrival['data']['complexity'];

  toData(): RecordArrival['data'] {
    return { complexity: this.complexity ?? null };
  }
}

export class PutOnHoldDto extends CommandBodyDto {
  @EnumField(HOLD_REASONS) reason!: PutOnHold['data']['reason'];
  @TextField(2000, { optional: true }) note?: string | null;

  toData(): PutOnHold['data'] {
    return { reason: this.reason, note: this.note ?? null };
  }
}

export class AcceptRepairDto extends CommandBodyDto {
  @TextField(200, { description: 'Who signed the acceptance.' }) signedBy!: string;
}

export class RejectRepairDto extends CommandBodyDto {
  @TextField(2000) reason!: string;
}

export class SurveyScoresDto {
  @IntField(1, 5) attitude!: number;
  @IntField(1, 5) quality!: number;
  @IntField(1, 5) responseSpeed!: number;
  @IntField(1, 5, { description: 'A customer is satisfied when overall ≥ 4.' }) overall!: number;
}

export class RecordSurveyDto extends CommandBodyDto {
  @NestedField(() => SurveyScoresDto) scores!: SurveyScoresDto;
  @EnumField(SURVEY_CHANNELS) channel!: RecordSurvey['data']['channel'];
  @TextField(2000, { optional: true }) comment?: string | null;

  toData(): RecordSurvey['data'] {
    const { attitude, quality, responseSpeed, overall } = this.scores;
    return { scores: { attitude, quality, responseSpeed, overall }, channel: this.channel, comment: this.comment ?? null };
  }
}

export class SendProgressUpdateDto extends CommandBodyDto {
  @EnumField(PROGRESS_KINDS, { description: '`result` tells the customer the outcome and stops the result-feedback clock.' })
  kind!: SendProgressUpdate['data']['kind'];
  @EnumField(CONTACT_CHANNELS) channel!: SendProgressUpdate['data']['channel'];
  @TextField(2000) message!: string;

  toData(): SendProgressUpdate['data'] {
    return { kind: this.kind, channel: this.channel, message: this.message };
  }
}

export class IssueLoanerDto extends CommandBodyDto {
  @TextField(100) loanerSerial!: string;
}

export class CancelCaseDto extends CommandBodyDto {
  @EnumField(CANCEL_REASONS) reason!: CancelCase['data']['reason'];
  @TextField(2000, { optional: true }) note?: string | null;

  toData(): CancelCase['data'] {
    return { reason: this.reason, note: this.note ?? null };
  }
}
