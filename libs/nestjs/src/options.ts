import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { OpenedStore } from '@styring/app';
import type { Clock, IdGenerator } from '@styring/eventstore';

export interface StyringModuleOptions {
  /**
   * The history: a store URL (`sqlite:./data/styring.db`, `postgres://…`), which the module opens at start
   * and closes at shutdown; or a store you opened with `openStore` from `@styring/app` and close yourself.
   */
  readonly store: string | OpenedStore;
  /** With a URL: create the store when it does not exist yet (default: refuse, like the CLI). */
  readonly createStore?: boolean;
  /** Publish recorded events on the EventBus (default true). */
  readonly publishEvents?: boolean;
  /**
   * The name under which this application's event-bus checkpoint is kept in the store's database
   * (default `nestjs-event-bus`): applications that share a store each need their own.
   */
  readonly subscriberName?: string;
  /** Time for `effectiveAt` defaults and queries without `asOf`; the system clock by default. */
  readonly clock?: Clock;
  /** Ids for events and commands; random UUIDs by default. */
  readonly newId?: IdGenerator;
}

/** `forRootAsync`: options from a factory, e.g. with `ConfigService` injected. */
export interface StyringModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory: FactoryProvider<StyringModuleOptions>['useFactory'];
}

export const STYRING_OPTIONS = Symbol('STYRING_OPTIONS');
/** The open store (`OpenedStore` from `@styring/app`): inject it to read the history directly. */
export const STYRING_STORE = Symbol('STYRING_STORE');
/** The `CommandExecutor` of `@styring/app` the command handler runs commands with. */
export const STYRING_EXECUTOR = Symbol('STYRING_EXECUTOR');
/** The read models (`OpenedProjections` from `@styring/app`) the query handler reads. */
export const STYRING_READ_MODELS = Symbol('STYRING_READ_MODELS');
