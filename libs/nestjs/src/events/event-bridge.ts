import { Logger } from '@nestjs/common';
import type { EventBus } from '@nestjs/cqrs';
import type { EventSubscriber, RecordedEvent, Subscription } from '@styring/eventstore';
import type { StyringEvent } from './styring-event';

/** Where a bridge remembers the last global position it published; kept in the store's own database. */
export interface PositionCheckpoints {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

const restartDelayMs = 1000;

/**
 * Feeds the store's live subscription into Nest's EventBus – events this process appended and events
 * other processes appended alike – and remembers how far it got, so a restart resumes there. Without a
 * checkpoint (the first start) the whole history is published, in order.
 *
 * Nothing a handler does can stop it: Nest isolates handlers, and a failure to wrap or publish one event
 * is logged and skipped. When the store itself fails, the bridge logs it and resubscribes after a pause.
 */
export class EventBridge {
  private readonly logger = new Logger('StyringEventBridge');
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The global position of the last event published. */
  position: bigint | undefined;

  constructor(
    private readonly store: EventSubscriber,
    private readonly checkpoints: PositionCheckpoints,
    private readonly eventBus: EventBus,
    private readonly toBusEvent: (recorded: RecordedEvent) => StyringEvent | undefined,
    /** The checkpoint's name: each application that shares a store needs its own. */
    private readonly name: string,
  ) {}

  /** Loads the checkpoint and subscribes; events then flow until `stop()`. */
  async start(): Promise<void> {
    this.position = await this.checkpoints.load(this.name);
    this.running = this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.running;
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopped) {
      try {
        const after = this.position;
        this.subscription = this.store.subscribeToAll(after === undefined ? {} : { after });
        await this.pump(this.subscription);
        if (!this.stopped) throw new Error('the subscription ended');
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`the event subscription failed; resubscribing in ${restartDelayMs} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, restartDelayMs));
      }
    }
  }

  private async pump(subscription: Subscription): Promise<void> {
    for await (const recorded of subscription) {
      this.publish(recorded);
      this.position = recorded.globalPosition;
      await this.checkpoints.save(this.name, recorded.globalPosition);
      if (this.stopped) return;
    }
  }

  private publish(recorded: RecordedEvent): void {
    try {
      const event = this.toBusEvent(recorded);
      if (event !== undefined) this.eventBus.publish(event);
    } catch (error) {
      this.logger.error(
        `could not publish event ${recorded.eventId} (${recorded.type}) at position ${recorded.globalPosition}`,
        error,
      );
    }
  }
}
