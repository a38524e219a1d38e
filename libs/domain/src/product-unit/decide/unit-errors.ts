import { DomainError, type FieldError } from '../../shared/domain-error.js';

export const unitAlreadyRegistered = (serialNumber: string): DomainError =>
  new DomainError('UNIT.ALREADY_REGISTERED', 'conflict', `Product unit ${serialNumber} is already registered.`, { serialNumber });

export const unitNotRegistered = (serialNumber: string): DomainError =>
  new DomainError('UNIT.NOT_REGISTERED', 'not-found', `Product unit ${serialNumber} is not registered.`, { serialNumber });

export const invalidUnitFields = (code: string, message: string, errors: readonly FieldError[]): DomainError =>
  new DomainError(code, 'invalid', message, { errors });
