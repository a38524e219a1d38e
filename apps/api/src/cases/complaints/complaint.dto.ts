import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type FileComplaint } from '#casetrail/domain';
import { CommandBodyDto } from '../shared/command-body.dto.js';
import { EnumField, TextField } from '../shared/dto-fields.js';

export class FileComplaintDto extends CommandBodyDto {
  @EnumField(COMPLAINT_CATEGORIES, { description: 'quality-related, service-related (human factor) or other' })
  category!: FileComplaint['data']['category'];
  @EnumField(COMPLAINT_SEVERITIES, { description: 'serious complaints get a handling form and a 1-working-day resolution target' })
  severity!: FileComplaint['data']['severity'];
  @TextField(4000) description!: string;
}

export class AcknowledgeComplaintDto extends CommandBodyDto {
  @TextField(200, { description: 'The department responsible for handling it.' }) department!: string;
}

export class ResolveComplaintDto extends CommandBodyDto {
  @TextField(4000) resolution!: string;
}

export class ReopenComplaintDto extends CommandBodyDto {
  @TextField(2000) reason!: string;
}
