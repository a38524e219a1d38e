import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseCommandResult } from '#casetrail/application';
import { ID_GENERATOR } from '#casetrail/application';
import type { IdGenerator } from '#casetrail/domain';
import { CaseCommandRoute } from '../shared/api-command.decorator.js';
import { CaseCommandSender } from '../shared/case-command-sender.js';
import { CommandCtx, type CommandContext } from '../shared/command-context.decorator.js';
import { ReportCaseDto } from './report-case.dto.js';

@ApiTags('cases')
@Controller('v1/cases')
export class ReportCaseController {
  constructor(
    private readonly sender: CaseCommandSender,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @CaseCommandRoute('Report a fault: opens a service case and assesses its warranty', ['agent'], { created: true })
  report(@Body() body: ReportCaseDto, @CommandCtx() ctx: CommandContext): Promise<CaseCommandResult> {
    const input = { type: 'ReportCase', caseId: this.ids.next(), occurredAt: body.occurredAtOrNull(), data: body.toData() } as const;
    return this.sender.send(ctx, input, ({ caseId }) => `/v1/cases/${caseId}`);
  }
}
