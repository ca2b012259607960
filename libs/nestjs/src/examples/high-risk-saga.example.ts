/* eslint-disable @nx/enforce-module-boundaries -- the README's example imports the package the way an application does */
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Caller, OpenedStore } from '@styring/app';
import {
  STYRING_STORE,
  StyringCommands,
  StyringEvents,
  StyringModule,
  styringEventStream,
} from '@styring/nestjs';
import { concatMap, defer, retry, type Subscription } from 'rxjs';

type RiskAssessed = InstanceType<typeof StyringEvents.RiskAssessed>;

/**
 * The standing rule the saga applies: the kommunedirektør decides, under the council's delegation for
 * risk treatment, that every risk assessed high is to be reduced within 30 days. FICTITIOUS case number.
 */
const highRiskRule = {
  delegationId: 'ks-kd-risiko',
  caseNumber: '2024/0412',
  measure: 'Tiltaksplan for å redusere risikoen legges fram innen 30 dager',
  daysToAct: 30,
};

/** Whom the saga acts as: the kommunedirektør's office, entering the kommunedirektør's decisions. */
const sagaCaller: Caller = { actor: 'saga:hoy-risiko', role: 'kommunedirektor' };

/** The saga's checkpoint: the global position of the last event it handled, in its own table. */
class SagaCheckpoint {
  private readonly db;

  constructor(
    store: OpenedStore,
    private readonly name: string,
  ) {
    this.db = store.openReadModelDatabase();
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS saga_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)',
    );
  }

  load(): bigint | undefined {
    const row = this.db.prepare('SELECT position FROM saga_checkpoints WHERE name = ?').get(this.name) as
      { position: string } | undefined;
    return row === undefined ? undefined : BigInt(row.position);
  }

  save(position: bigint): void {
    this.db
      .prepare(
        'INSERT INTO saga_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      )
      .run(this.name, position.toString());
  }

  close(): void {
    this.db.close();
  }
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A risk assessed in the high band (`hoy`) leads to a treatment decision. It follows the store from its own
 * checkpoint, so it also sees risks assessed by the CLI or another service; each follow-up command's
 * idempotency key is derived from the id of the event that triggered it, so a replay – after a crash
 * between sending and saving the checkpoint – gets the first outcome back and writes nothing twice.
 */
@Injectable()
export class HighRiskSaga implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HighRiskSaga.name);
  private readonly checkpoint: SagaCheckpoint;
  private subscription: Subscription | undefined;
  private handling: Promise<void> = Promise.resolve();

  constructor(
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
    private readonly commands: CommandBus,
  ) {
    this.checkpoint = new SagaCheckpoint(store, 'hoy-risiko');
  }

  onApplicationBootstrap(): void {
    // `defer`: each (re)subscription starts from the checkpoint as it is then.
    const events$ = defer(() => {
      const after = this.checkpoint.load();
      return styringEventStream(this.store.events, {
        ...(after === undefined ? {} : { after }),
        filter: { eventTypes: ['RiskAssessed'] },
      });
    });
    this.subscription = events$
      .pipe(
        concatMap((event) => {
          this.handling = this.react(event as RiskAssessed).then(() =>
            this.checkpoint.save(event.globalPosition),
          );
          return this.handling;
        }),
        retry({ delay: 1000 }),
      )
      .subscribe();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.handling.catch(() => undefined);
    this.checkpoint.close();
  }

  private async react(event: RiskAssessed): Promise<void> {
    const risk = event.data;
    if (risk.band !== 'hoy') return;
    const result = await this.commands.execute(
      new StyringCommands.DecideRiskTreatment(
        {
          riskId: risk.riskId,
          strategy: 'redusere',
          measures: [highRiskRule.measure],
          responsibleUnit: risk.ownerUnit,
          due: addDays(risk.assessedOn, highRiskRule.daysToAct),
          decision: {
            body: 'kommunedirektoren',
            decidedOn: risk.assessedOn,
            caseNumber: highRiskRule.caseNumber,
            authority: { kind: 'delegation', delegationId: highRiskRule.delegationId },
          },
        },
        { caller: sagaCaller, commandId: `hoy-risiko:${event.eventId}` },
      ),
    );
    if (result.status === 'accepted') {
      this.logger.log(`Høy risiko ${risk.riskId}: håndtering besluttet (${result.events.length} hendelser)`);
    } else {
      this.logger.warn(
        `Høy risiko ${risk.riskId}: ingen håndtering (${'code' in result ? result.code : result.status})`,
      );
    }
  }
}

@Module({
  imports: [
    StyringModule.forRoot({
      store: process.env['STYRING_STORE'] ?? 'sqlite:./data/styring.db',
      createStore: true,
      publishEvents: false,
    }),
  ],
  providers: [HighRiskSaga],
})
export class HighRiskSagaModule {}
