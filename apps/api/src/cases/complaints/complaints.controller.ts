import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ID_GENERATOR, type CaseCommandResult } from '#casetrail/application';
import type { IdGenerator } from '#casetrail/domain';
import { CaseCommandRoute } from '../shared/api-command.decorator.js';
import { CaseCommandSender } from '../shared/case-command-sender.js';
import { CaseIdParam, ComplaintIdParam } from '../shared/case-id.pipe.js';
import { CommandCtx, type CommandContext } from '../shared/command-context.decorator.js';
import { AcknowledgeComplaintDto, FileComplaintDto, ReopenComplaintDto, ResolveComplaintDto } from './complaint.dto.js';

/** Complaints have their own small lifecycle on any case, in any state (DESIGN §3). */
@ApiTags('complaints')
@Controller('v1/cases/:caseId/complaints')
export class ComplaintsController {
  constructor(
    private readonly sender: CaseCommandSender,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @CaseCommandRoute('File a complaint about the case', ['agent'], { created: true })
  file(@CaseIdParam() caseId: string, @Body() b: FileComplaintDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    const data = { complaintId: this.ids.next(), category: b.category, severity: b.severity, description: b.description };
    return this.sender.send(ctx, { type: 'FileComplaint', caseId, occurredAt: b.occurredAtOrNull(), data }, (r) =>
      `/v1/cases/${caseId}/complaints/${r.complaintId}`,
    );
  }

  @Post(':complaintId/acknowledge')
  @CaseCommandRoute('Acknowledge a complaint and name the responsible department', ['supervisor'])
  acknowledge(
    @CaseIdParam() caseId: string,
    @ComplaintIdParam() complaintId: string,
    @Body() b: AcknowledgeComplaintDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CaseCommandResult> {
    const data = { complaintId, department: b.department };
    return this.sender.send(ctx, { type: 'AcknowledgeComplaint', caseId, occurredAt: b.occurredAtOrNull(), data });
  }

  @Post(':complaintId/resolve')
  @CaseCommandRoute('Resolve a complaint with the agreed solution', ['supervisor'])
  resolve(
    @CaseIdParam() caseId: string,
    @ComplaintIdParam() complaintId: string,
    @Body() b: ResolveComplaintDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CaseCommandResult> {
    const data = { complaintId, resolution: b.resolution };
    return this.sender.send(ctx, { type: 'ResolveComplaint', caseId, occurredAt: b.occurredAtOrNull(), data });
  }

  @Post(':complaintId/reopen')
  @CaseCommandRoute('Reopen a resolved complaint: the customer is not satisfied', ['supervisor'])
  reopen(
    @CaseIdParam() caseId: string,
    @ComplaintIdParam() complaintId: string,
    @Body() b: ReopenComplaintDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<CaseCommandResult> {
    const data = { complaintId, reason: b.reason };
    return this.sender.send(ctx, { type: 'ReopenComplaint', caseId, occurredAt: b.occurredAtOrNull(), data });
  }
}
