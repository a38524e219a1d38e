import { Module } from '@nestjs/common';
import { AuditHttpModule } from './audit/audit-http.module.js';
import { CaseListHttpModule } from './case-list/case-list-http.module.js';
import { ComplaintsReadHttpModule } from './complaints/complaints-read-http.module.js';
import { SatisfactionHttpModule } from './satisfaction/satisfaction-http.module.js';
import { SlaHttpModule } from './sla/sla-http.module.js';

/** The query routes over the read models (DESIGN §5, §7), one module per read model. */
@Module({ imports: [CaseListHttpModule, AuditHttpModule, SlaHttpModule, ComplaintsReadHttpModule, SatisfactionHttpModule] })
export class ReadApiModule {}
