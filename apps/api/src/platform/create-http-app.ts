import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenRegistry } from './auth/token-registry.js';
import type { AppConfig } from './config/app-config.js';
import { JsonLogger } from './logging/json-logger.js';
import { registerRequestLogging, requestIdOf } from './logging/request-logging.hook.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { clientErrorHandler, frameworkErrorHandler } from './problem/fastify-error-handlers.js';
import { ProblemDetailsFilter } from './problem/problem-details.filter.js';
import { ProblemFastifyAdapter } from './problem/problem-fastify-adapter.js';
import { createValidationPipe } from './validation/create-validation-pipe.js';

/** DESIGN §7: a body over 64 KiB is answered 413. */
export const BODY_LIMIT = 64 * 1024;

/** A module class, a dynamic module, or plain module metadata (`{ imports, controllers }`). */
export type RootModule = Parameters<typeof NestFactory.create>[0];

export interface CreateHttpAppOptions {
  /** Defaults to a `JsonLogger` at `config.logLevel`; `false` silences Nest and request logs. */
  readonly logger?: LoggerService | false;
}

/**
 * The Nest application over Fastify with the whole HTTP platform wired: problem+json on every
 * error path, validation, bearer auth (from `PlatformModule`, which `rootModule` must import),
 * request ids and logs, OpenAPI at /docs. Call `listen(config.port, config.host)` on the result.
 */
export async function createHttpApp(
  rootModule: RootModule,
  config: AppConfig,
  options: CreateHttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger === undefined ? new JsonLogger({ level: config.logLevel }) : options.logger;
  const adapter = new ProblemFastifyAdapter({
    bodyLimit: BODY_LIMIT,
    genReqId: requestIdOf,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  // JSON is the only body the API reads: a text/plain or form body must get a 415, not reach a DTO.
  adapter.getInstance().removeContentTypeParser('text/plain');
  registerRequestLogging(adapter.getInstance(), logger);

  // bodyParser: false keeps Fastify's own JSON parser and adds no urlencoded one (see above);
  // abortOnError: false turns a start-up failure (a bad auth file) into a thrown error, not exit(1).
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  try {
    app.get(TokenRegistry, { strict: false });
  } catch {
    await app.close();
    throw new Error('createHttpApp: the root module must import PlatformModule.forRoot(config)');
  }
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
