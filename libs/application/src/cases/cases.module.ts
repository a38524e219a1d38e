import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecuteCaseCommandHandler } from './execute-case-command/execute-case-command.handler.js';
import { IdempotencyGuard } from './execute-case-command/idempotency-guard.js';
import { GetCaseHistoryHandler } from './get-case-history/get-case-history.handler.js';
import { GetCaseHandler } from './get-case/get-case.handler.js';
import { VerifyCaseHandler } from './verify-case/verify-case.handler.js';

/** The service-case slice of the application: its command and query handlers. Ports come from the app. */
@Module({
  imports: [CqrsModule],
  providers: [IdempotencyGuard, ExecuteCaseCommandHandler, GetCaseHandler, GetCaseHistoryHandler, VerifyCaseHandler],
})
export class CasesApplicationModule {}
