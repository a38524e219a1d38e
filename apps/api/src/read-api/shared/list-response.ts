import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '#casetrail/read-models';
import { toCsv } from './csv.js';

/** `Accept: text/csv` asks for the page as CSV; the next cursor then travels in `X-Next-Cursor`. */
export const wantsCsv = (req: FastifyRequest): boolean => /\btext\/csv\b/i.test(req.headers.accept ?? '');

export function respondWithPage<T extends object>(
  req: FastifyRequest,
  reply: FastifyReply,
  page: Page<T>,
  csvColumns: readonly string[],
): Page<T> | string {
  if (!wantsCsv(req)) return page;
  if (page.nextCursor) reply.header('X-Next-Cursor', page.nextCursor);
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  return toCsv(page.items, csvColumns);
}
