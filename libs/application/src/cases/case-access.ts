import { DomainError, type Actor, type CaseState } from '#casetrail/domain';

export const caseNotFound = (caseId: string): DomainError => new DomainError('CASE.NOT_FOUND', 'not-found', `No case ${caseId}`);

/** A technician reads only the cases assigned to them (DESIGN §7); other staff read every case. */
export function assertMayRead(state: CaseState, actor: Actor, caseId: string): void {
  if (state.status === 'none') throw caseNotFound(caseId);
  if (actor.role === 'technician' && state.technicianId !== actor.id) {
    throw new DomainError('CASE.NOT_ASSIGNED', 'forbidden', 'This case is not assigned to you');
  }
}
