import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger, loadConfig } from '../../api/src/platform/index.js';
import { ProjectorAppModule } from './projector-app.module.js';

// PROJECTOR_PORT (default 3001) serves /health and /metrics only.
const config = loadConfig({ ...process.env, PORT: process.env['PROJECTOR_PORT'] ?? '3001' });
const app = await NestFactory.create<NestFastifyApplication>(ProjectorAppModule.forRoot(config), new FastifyAdapter(), {
  logger: new JsonLogger({ level: config.logLevel }),
});
app.enableShutdownHooks();
await app.listen(config.port, config.host);
new Logger('projector').log(`Projections running; health and metrics on ${await app.getUrl()}`);
