import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../platform/index.js';

/** What every paged list route answers: JSON `{items, nextCursor}` or, on `Accept: text/csv`, CSV. */
export const ApiListResponses = (description = '`{items, nextCursor}`, or CSV with a header row'): MethodDecorator =>
  applyDecorators(ApiProduces('application/json', 'text/csv'), ApiOkResponse({ description }), ApiProblemResponses(400, 401, 403));
