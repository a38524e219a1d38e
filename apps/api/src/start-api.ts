import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { createHttpApp, loadConfig } from './platform/index.js';

/** The built server: the API with the embedded profile's threads, listening once its projections run. */
export async function startApi(): Promise<void> {
  const config = loadConfig();
  // The built server runs the projections on a worker thread: the second core writes the read models.
  // Appends stay on this thread (CASETRAIL_EVENT_WRITER=thread moves them; see the README for the trade).
  const app = await createHttpApp(AppModule.forRoot(config, { projections: 'worker', eventWriter: 'inline', queryThreads: 2, projectionNice: 10 }), config);
  await app.listen(config.port, config.host);
  new Logger('casetrail').log(`Listening on ${await app.getUrl()} (data: ${config.dataDir})`);
}
