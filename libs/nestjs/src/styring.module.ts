import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  createCommandExecutor,
  keepingRefusedAttempts,
  type OpenedStore,
  openProjections,
  openStore,
  systemRuntime,
} from '@styring/app';
import { StyringCommandHandler } from './commands/styring-command.handler';
import { styringEventIdProvider } from './events/event-id-provider';
import { InFlight } from './in-flight';
import { StyringQueryHandler } from './queries/styring-query.handler';
import {
  STYRING_EXECUTOR,
  STYRING_OPTIONS,
  STYRING_READ_MODELS,
  STYRING_STORE,
  type StyringModuleAsyncOptions,
  type StyringModuleOptions,
} from './options';
import { StyringLifecycle } from './styring-lifecycle';

const openConfiguredStore = async (options: StyringModuleOptions): Promise<OpenedStore> =>
  typeof options.store === 'string'
    ? openStore(options.store, options.createStore === true ? { create: true } : {})
    : options.store;

const runtimeOf = (options: StyringModuleOptions) => ({
  clock: options.clock ?? systemRuntime.clock,
  newId: options.newId ?? systemRuntime.newId,
});

const providers: Provider[] = [
  { provide: STYRING_STORE, useFactory: openConfiguredStore, inject: [STYRING_OPTIONS] },
  {
    provide: STYRING_EXECUTOR,
    // Refused commands are kept in the attempt log beside the read models (`OpenedStore.attempts`).
    useFactory: (store: OpenedStore, options: StyringModuleOptions) =>
      keepingRefusedAttempts(
        createCommandExecutor(store.events, runtimeOf(options)),
        store.attempts,
        runtimeOf(options).clock,
      ),
    inject: [STYRING_STORE, STYRING_OPTIONS],
  },
  {
    provide: STYRING_READ_MODELS,
    useFactory: (store: OpenedStore) => openProjections(store),
    inject: [STYRING_STORE],
  },
  InFlight,
  StyringLifecycle,
  StyringCommandHandler,
  StyringQueryHandler,
];

/**
 * The governance history in a Nest application: every command on the CommandBus, every read model on the
 * QueryBus, every recorded event (also those other processes append) on the EventBus. It brings
 * `CqrsModule` with an event-id provider that matches events by their stored type, so do not import
 * `CqrsModule.forRoot()` again.
 */
@Module({})
export class StyringModule {
  static forRoot(options: StyringModuleOptions): DynamicModule {
    return StyringModule.with({ provide: STYRING_OPTIONS, useValue: options });
  }

  static forRootAsync(options: StyringModuleAsyncOptions): DynamicModule {
    return StyringModule.with(
      { provide: STYRING_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
      options.imports ?? [],
    );
  }

  private static with(optionsProvider: Provider, imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: StyringModule,
      imports: [...imports, CqrsModule.forRoot({ eventIdProvider: styringEventIdProvider })],
      providers: [optionsProvider, ...providers],
      exports: [CqrsModule, STYRING_STORE, StyringLifecycle],
    };
  }
}
