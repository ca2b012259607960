import { ConflictException } from '@nestjs/common';
import { toHttp } from './execution-response';

const thrownBy = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('toHttp', () => {
  it('answers a decision whose facts kept changing with 409 naming the change, in both languages', () => {
    const changed = {
      eventId: 'e-1',
      streamId: 'delegation-delegeringsreglement',
      type: 'AuthorityRevoked',
      globalPosition: 7n,
    };
    const error = thrownBy(() =>
      toHttp({ status: 'conflict', commandType: 'AdoptPlan', streamId: 'plan-styringsbrev-2024', changed }),
    );
    expect(error).toBeInstanceOf(ConflictException);
    const body = (error as ConflictException).getResponse() as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'conflict', streamId: 'plan-styringsbrev-2024', changed });
    expect(body['message']).toContain('Ingenting ble lagret');
    expect(body['messageEn']).toContain(
      "'AuthorityRevoked' was recorded in stream 'delegation-delegeringsreglement'",
    );
  });
});
