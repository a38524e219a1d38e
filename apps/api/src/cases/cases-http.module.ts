import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesApplicationModule } from '#casetrail/application';
import { CaseLifecycleController } from './case-lifecycle/case-lifecycle.controller.js';
import { CaseQueriesController } from './case-queries/case-queries.controller.js';
import { ComplaintsController } from './complaints/complaints.controller.js';
import { ReportCaseController } from './report-case/report-case.controller.js';
import { CaseCommandSender } from './shared/case-command-sender.js';

@Module({
  imports: [CqrsModule, CasesApplicationModule],
  controllers: [ReportCaseController, CaseLifecycleController, ComplaintsController, CaseQueriesController],
  providers: [CaseCommandSender],
})
export class CasesHttpModule {}
