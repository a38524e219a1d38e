import { Param, type PipeTransform } from '@nestjs/common';
import { DomainError } from '#casetrail/domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** An id that could never have been issued names nothing: 404, not 400, like any unknown case. */
class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly code: string) {}

  transform(value: string): string {
    if (!ID.test(value)) throw new DomainError(this.code, 'not-found', `No such id: ${value.slice(0, 64)}`);
    return value;
  }
}

export const CaseIdParam = (): ParameterDecorator => Param('caseId', new IdPipe('CASE.NOT_FOUND'));
export const ComplaintIdParam = (): ParameterDecorator => Param('complaintId', new IdPipe('COMPLAINT.NOT_FOUND'));
