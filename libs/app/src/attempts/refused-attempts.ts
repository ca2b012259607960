import type { Clock } from '@styring/eventstore';
import type { CommandExecutor } from '../command-executor';
import type { BatchItem, Caller, ExecutionResult } from '../execution-result';
import type { AttemptLog } from './attempt-log';

/**
 * The executor, keeping every refused command (`rejected`: a rule, the caller table, a reused key) in the
 * attempt log before it answers. Invalid input is not an attempt at anything and is not kept.
 */
export const keepingRefusedAttempts = (
  executor: CommandExecutor,
  log: AttemptLog,
  clock: Clock,
): CommandExecutor => {
  const keep = async (results: readonly (ExecutionResult | BatchItem)[], caller: Caller) => {
    const refused = results.flatMap((result) =>
      result.status === 'rejected'
        ? [
            {
              at: clock().toISOString(),
              actor: caller.actor,
              role: caller.role,
              unit: caller.unit ?? null,
              commandType: result.commandType,
              code: result.code,
              correlationId: caller.correlationId ?? null,
            },
          ]
        : [],
    );
    if (refused.length > 0) await log.keep(refused);
  };
  return {
    execute: async (input, caller, options) => {
      const result = await executor.execute(input, caller, options);
      await keep([result], caller);
      return result;
    },
    executeBatch: async (inputs, caller) => {
      const items = await executor.executeBatch(inputs, caller);
      await keep(items, caller);
      return items;
    },
  };
};
