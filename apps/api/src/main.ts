import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { createHttpApp, loadConfig } from './platform/index.js';

const config = loadConfig();
// The built server runs the projections on a worker thread: the second core writes the read models.
const app = await createHttpApp(AppModule.forRoot(config, 'worker'), config);
await app.listen(config.port, config.host);
new Logger('casetrail').log(`Listening on ${await app.getUrl()} (data: ${config.dataDir})`);
