import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseCommandResult } from '#casetrail/application';
import { CaseCommandRoute } from '../shared/api-command.decorator.js';
import { CaseCommandSender } from '../shared/case-command-sender.js';
import { CaseIdParam } from '../shared/case-id.pipe.js';
import { CommandBodyDto } from '../shared/command-body.dto.js';
import { CommandCtx, type CommandContext } from '../shared/command-context.decorator.js';
import {
  AcceptRepairDto,
  CancelCaseDto,
  ContactCustomerDto,
  DispatchTechnicianDto,
  IssueLoanerDto,
  PutOnHoldDto,
  RecordArrivalDto,
  RecordSurveyDto,
  RejectRepairDto,
  SendProgressUpdateDto,
} from './case-lifecycle.dto.js';
import { CompleteRepairDto } from './complete-repair.dto.js';

/** The steps of a case after it is reported (DESIGN §3). Bodiless commands may omit the body. */
@ApiTags('cases')
@Controller('v1/cases/:caseId')
export class CaseLifecycleController {
  constructor(private readonly sender: CaseCommandSender) {}

  @Post('contact')
  @CaseCommandRoute('Record contact with the customer (and the agreed visit)', ['agent'])
  contact(@CaseIdParam() caseId: string, @Body() b: ContactCustomerDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'ContactCustomer', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('dispatch')
  @CaseCommandRoute('Dispatch a technician (again, after a rejected repair: rework)', ['dispatcher'])
  dispatch(@CaseIdParam() caseId: string, @Body() b: DispatchTechnicianDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'DispatchTechnician', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('arrive')
  @CaseCommandRoute('The assigned technician arrives on site', ['technician'])
  arrive(@CaseIdParam() caseId: string, @Body() b: RecordArrivalDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'RecordArrival', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('hold')
  @CaseCommandRoute('Put the case on hold (pauses the clocks the policy names)', ['agent', 'dispatcher', 'technician'])
  hold(@CaseIdParam() caseId: string, @Body() b: PutOnHoldDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'PutOnHold', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('resume')
  @CaseCommandRoute('Resume a case on hold', ['agent', 'dispatcher', 'technician'])
  resume(@CaseIdParam() caseId: string, @Body() b: CommandBodyDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'ResumeCase', caseId, occurredAt: occurredAt(b), data: {} });
  }

  @Post('repair')
  @CaseCommandRoute('Record the repair: on site or remote, under warranty or chargeable', ['technician'])
  repair(@CaseIdParam() caseId: string, @Body() b: CompleteRepairDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'CompleteRepair', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('accept')
  @CaseCommandRoute('The customer accepts (signs for) the repair', ['agent', 'technician'])
  accept(@CaseIdParam() caseId: string, @Body() b: AcceptRepairDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'AcceptRepair', caseId, occurredAt: b.occurredAtOrNull(), data: { signedBy: b.signedBy } });
  }

  @Post('reject')
  @CaseCommandRoute('The customer rejects the repair: the case awaits rework', ['agent', 'technician'])
  reject(@CaseIdParam() caseId: string, @Body() b: RejectRepairDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'RejectRepair', caseId, occurredAt: b.occurredAtOrNull(), data: { reason: b.reason } });
  }

  @Post('survey')
  @CaseCommandRoute('Record the return visit / satisfaction survey', ['agent'])
  survey(@CaseIdParam() caseId: string, @Body() b: RecordSurveyDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'RecordSurvey', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('progress-updates')
  @CaseCommandRoute('Send the customer a progress update or the result', ['agent'])
  progress(@CaseIdParam() caseId: string, @Body() b: SendProgressUpdateDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'SendProgressUpdate', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }

  @Post('loaner')
  @CaseCommandRoute('Issue a loaner unit while the repair takes long', ['technician'])
  issueLoaner(@CaseIdParam() caseId: string, @Body() b: IssueLoanerDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    const data = { loanerSerial: b.loanerSerial };
    return this.sender.send(ctx, { type: 'IssueLoaner', caseId, occurredAt: b.occurredAtOrNull(), data });
  }

  @Post('loaner/return')
  @CaseCommandRoute('The loaner unit came back', ['agent', 'technician'])
  returnLoaner(@CaseIdParam() caseId: string, @Body() b: CommandBodyDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'ReturnLoaner', caseId, occurredAt: occurredAt(b), data: {} });
  }

  @Post('cancel')
  @CaseCommandRoute('Cancel an open case', ['supervisor'])
  cancel(@CaseIdParam() caseId: string, @Body() b: CancelCaseDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    return this.sender.send(ctx, { type: 'CancelCase', caseId, occurredAt: b.occurredAtOrNull(), data: b.toData() });
  }
}

/** A bodiless command may arrive with no body at all. */
const occurredAt = (body: CommandBodyDto | undefined): string | null => (body instanceof CommandBodyDto ? body.occurredAtOrNull() : null);
