import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { OpenedProjections, OpenedStore } from '@styring/app';
import { storeCheckpoints } from './events/bridge-checkpoints';
import { EventBridge } from './events/event-bridge';
import { toBusEvent } from './events/to-bus-event';
import { InFlight } from './in-flight';
import { STYRING_OPTIONS, STYRING_READ_MODELS, STYRING_STORE, type StyringModuleOptions } from './options';

/**
 * Starts the event bridge once every handler is registered, and shuts down in the order that loses
 * nothing: stop publishing, let commands in flight finish their appends, then close the store.
 */
@Injectable()
export class StyringLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private bridge: EventBridge | undefined;
  private closeCheckpoints: (() => void) | undefined;

  constructor(
    @Inject(STYRING_OPTIONS) private readonly options: StyringModuleOptions,
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
    @Inject(STYRING_READ_MODELS) private readonly readModels: OpenedProjections,
    private readonly eventBus: EventBus,
    private readonly inFlight: InFlight,
  ) {}

  /** Runs after CqrsModule registered the handlers and sagas (global modules boot first). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.options.publishEvents === false) return;
    const checkpoints = storeCheckpoints(this.store);
    this.closeCheckpoints = checkpoints.close;
    this.bridge = new EventBridge(
      this.store.events,
      checkpoints,
      this.eventBus,
      toBusEvent,
      `event-bus:${this.options.subscriberName ?? 'nestjs-event-bus'}`,
    );
    await this.bridge.start();
  }

  /** The global position of the last event put on the bus (`undefined` before the first). */
  get publishedPosition(): bigint | undefined {
    return this.bridge?.position;
  }

  async onModuleDestroy(): Promise<void> {
    await this.bridge?.stop();
  }

  /** After the HTTP server (if any) stopped taking requests: finish appends, then close what we opened. */
  async onApplicationShutdown(): Promise<void> {
    await this.inFlight.drained();
    this.closeCheckpoints?.();
    await this.readModels.close();
    if (typeof this.options.store === 'string') await this.store.close();
  }
}
