/* eslint-disable @nx/enforce-module-boundaries -- the README's example imports the package the way an application does */
import { Injectable, Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CommandBus, EventsHandler, type IEventHandler, QueryBus } from '@nestjs/cqrs';
import type { Caller } from '@styring/app';
import {
  type CommandFields,
  StyringCommands,
  StyringEvents,
  StyringModule,
  StyringQueries,
} from '@styring/nestjs';

type PlanAdopted = InstanceType<typeof StyringEvents.PlanAdopted>;

/** Runs for every adopted plan – also plans adopted through the CLI or by another service. */
@EventsHandler(StyringEvents.PlanAdopted)
export class PlanAdoptedListener implements IEventHandler<PlanAdopted> {
  private readonly logger = new Logger(PlanAdoptedListener.name);

  handle(event: PlanAdopted): void {
    this.logger.log(
      `Plan vedtatt: ${event.data.title} (${event.data.decision.caseNumber}, ${event.metadata.actor})`,
    );
  }
}

/** Decides through the CommandBus and reads through the QueryBus. */
@Injectable()
export class PlanService {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** `caller` comes from your authentication, never from the request body. */
  adopt(plan: CommandFields<'AdoptPlan'>, caller: Caller) {
    return this.commands.execute(new StyringCommands.AdoptPlan(plan, { caller }));
  }

  /** The plan register as it stood on a day (`YYYY-MM-DD`), or now. */
  register(asOf?: string) {
    return this.queries.execute(new StyringQueries.PlanRegister(asOf === undefined ? {} : { asOf }));
  }
}

@Module({
  imports: [
    ConfigModule.forRoot(),
    StyringModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        store: config.get<string>('STYRING_STORE', 'sqlite:./data/styring.db'),
        createStore: true,
      }),
    }),
  ],
  providers: [PlanAdoptedListener, PlanService],
})
export class AppModule {}
