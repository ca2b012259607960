import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OpenedStore } from '@styring/app';
import { STYRING_STORE, StyringLifecycle } from '@styring/nestjs';
import { Public } from '../auth/access.decorators';
import { StoreHealth } from './store-health';

/** Liveness and whether the store answers; no token needed, so a load balancer can ask. */
@ApiTags('drift')
@Controller()
export class HealthController {
  constructor(
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
    private readonly lifecycle: StyringLifecycle,
    private readonly storeHealth: StoreHealth,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Lever tjenesten, og svarer lageret?' })
  async health(@Res({ passthrough: true }) response: { setHeader(name: string, value: string): unknown }) {
    response.setHeader('Cache-Control', 'no-store');
    const failure = this.storeHealth.lastFailure;
    if (failure !== undefined) {
      throw new ServiceUnavailableException({
        error: 'store_failing',
        message: 'Tjenesten lever, men lesing eller skriving i lageret feiler.',
        messageEn: `the service is up but reads or writes of the store fail (last: ${failure.status} at ${failure.at})`,
        status: 'degraded',
        store: { kind: this.store.location.kind, reachable: true, failing: true, lastFailure: failure },
      });
    }
    try {
      let lastPosition: bigint | undefined;
      // Reading one event proves the store answers without loading the log.
      for await (const event of this.store.events.readAll({ maxCount: 1 }))
        lastPosition = event.globalPosition;
      return {
        status: 'ok',
        store: { kind: this.store.location.kind, reachable: true, empty: lastPosition === undefined },
        eventBus: { publishedPosition: this.lifecycle.publishedPosition ?? null },
      };
    } catch (error) {
      throw new ServiceUnavailableException({
        error: 'store_unreachable',
        message: 'Tjenesten lever, men lageret svarer ikke.',
        messageEn: `the service is up but the store does not answer: ${(error as Error).message}`,
        status: 'degraded',
        store: { kind: this.store.location.kind, reachable: false },
      });
    }
  }
}
