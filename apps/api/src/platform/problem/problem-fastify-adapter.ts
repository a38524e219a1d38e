import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createFastifyErrorHandler } from './fastify-error-handlers.js';

type NestErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * Nest installs its own Fastify error handler during `init()`, and Fastify keeps only the last
 * one (with a warning when replaced). This adapter wraps Nest's handler instead of competing with
 * it: Fastify's request errors are answered first, the rest go on to Nest's exception layer.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: NestErrorHandler): ReturnType<FastifyAdapter['setErrorHandler']> {
    return super.setErrorHandler(createFastifyErrorHandler(handler));
  }
}
