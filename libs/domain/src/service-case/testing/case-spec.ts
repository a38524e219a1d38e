import { deciderSpec } from '../../shared/testing/decider-spec.js';
import { decide } from '../decide.js';
import { foldCase } from '../evolve.js';
import { context } from './case-fixtures.js';

/** given(...history).when(command, context?).then(...events) / .thenThrows(code) for the service case. */
export const given = deciderSpec(decide, foldCase, context);
