import { deciderSpec } from '../../shared/testing/decider-spec.js';
import { decideUnit } from '../decide-unit.js';
import { foldUnit } from '../evolve-unit.js';
import { unitContext } from './unit-fixtures.js';

/** given(...history).when(command).then(...events) / .thenThrows(code) for the product unit. */
export const given = deciderSpec(decideUnit, foldUnit, unitContext);
