import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteCaseCommand, type CaseCommandInput, type CaseCommandResult } from '#casetrail/application';
import { CasetrailMetrics } from '../../metrics/casetrail-metrics.js';
import { etagOf } from '../../platform/index.js';
import type { CommandContext } from './command-context.decorator.js';

/** Sends a case command through the bus and puts the new revision in the `ETag` (DESIGN §7). */
@Injectable()
export class CaseCommandSender {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: CasetrailMetrics,
  ) {}

  async send(ctx: CommandContext, input: CaseCommandInput, location?: (result: CaseCommandResult) => string): Promise<CaseCommandResult> {
    const result = await this.metrics.timeCommand(input.type, () => this.bus.execute(new ExecuteCaseCommand(input, ctx.request)));
    ctx.reply.header('ETag', etagOf(result.revision));
    if (location) ctx.reply.header('Location', location(result));
    return result;
  }
}
