import { ROLES } from '#casetrail/domain';
import { roleSatisfies } from './role-hierarchy.js';

describe('who may use a route', () => {
  it('admin may use every route, auditor and analyst routes included', () => {
    for (const role of ROLES) expect(roleSatisfies('admin', [role])).toBe(true);
  });

  it('a supervisor may do what an agent, dispatcher or technician may, but not auditor or analyst routes', () => {
    expect(['agent', 'dispatcher', 'technician', 'supervisor'].every((r) => roleSatisfies('supervisor', [r as never]))).toBe(true);
    expect(roleSatisfies('supervisor', ['auditor'])).toBe(false);
    expect(roleSatisfies('supervisor', ['analyst'])).toBe(false);
    expect(roleSatisfies('supervisor', ['admin'])).toBe(false);
  });

  it('other roles need to be listed', () => {
    expect(roleSatisfies('agent', ['dispatcher'])).toBe(false);
    expect(roleSatisfies('technician', ['agent', 'technician'])).toBe(true);
    expect(roleSatisfies('auditor', ['supervisor'])).toBe(false);
  });

  it('an empty list means any authenticated role', () => {
    for (const role of ROLES) expect(roleSatisfies(role, [])).toBe(true);
  });
});
