import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard.js';
import { TokenRegistry } from './auth/token-registry.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { JsonLogger } from './logging/json-logger.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';

/**
 * The HTTP platform's providers, global so that slices inject them without importing this
 * module: `APP_CONFIG`, `TokenRegistry`, `JsonLogger`, and the `AuthGuard` on every route.
 * Import it once, in the root module: `PlatformModule.forRoot(config)`.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JsonLogger, useValue: new JsonLogger({ level: config.logLevel }) },
        { provide: TokenRegistry, useFactory: () => TokenRegistry.load(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the AuthGuard: it limits per authenticated actor.
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [APP_CONFIG, JsonLogger, TokenRegistry],
    };
  }
}
