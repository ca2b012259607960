import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { StyringModule } from '@styring/nestjs';
import { API_CONFIG } from './api-config.token';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import type { TokenVerifier } from '@styring/app';
import type { ApiConfig } from './config';
import { ExportsController } from './exports/exports.controller';
import { ExportsService } from './exports/exports.service';
import { CommandsController } from './http/commands.controller';
import { ErrorFilter } from './http/error.filter';
import { HealthController } from './http/health.controller';
import { ReadModelsController } from './http/read-models.controller';
import { RefusedAttemptsController } from './http/refused-attempts.controller';
import { StoreHealth } from './http/store-health';
import { PagesController } from './pages/pages.controller';
import { SignInCodes } from './pages/sign-in-codes';

/** The HTTP service: the styring module on the configured store, behind token authentication. */
@Module({})
export class ApiModule {
  static create(config: ApiConfig, verifier: TokenVerifier): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ api: config })] }),
        StyringModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (configService: ConfigService) => ({
            store: configService.getOrThrow<ApiConfig>('api').store,
            createStore: true,
            subscriberName: 'styring-api',
          }),
        }),
      ],
      controllers: [
        HealthController,
        CommandsController,
        ReadModelsController,
        RefusedAttemptsController,
        ExportsController,
        PagesController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        ExportsService,
        StoreHealth,
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: SignInCodes, useValue: new SignInCodes() },
      ],
    };
  }
}
