import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { createHttpApp, loadConfig } from './platform/index.js';

const config = loadConfig();
// The built server keeps its API thread for requests: the projections write the read models on a
// worker thread, and the event store commits (and waits for the disk) on a writer thread.
const app = await createHttpApp(AppModule.forRoot(config, { projections: 'worker', eventWriter: 'thread' }), config);
await app.listen(config.port, config.host);
new Logger('casetrail').log(`Listening on ${await app.getUrl()} (data: ${config.dataDir})`);
