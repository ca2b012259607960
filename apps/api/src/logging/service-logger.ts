import { type DestinationStream, type Logger, pino } from 'pino';
import { PinoPretty } from 'pino-pretty';

/**
 * The service's logger: human-readable lines for a person at a terminal, JSON lines otherwise (a file, a
 * pipe, a log collector). Both go through the same pino options, so redaction is the same. `destination`
 * is standard output unless a test gives another.
 */
export const serviceLogger = (
  level: string,
  terminal: boolean = process.stdout.isTTY === true,
  destination?: DestinationStream,
): Logger => {
  if (!terminal) return destination === undefined ? pino({ level }) : pino({ level }, destination);
  return pino(
    { level },
    PinoPretty({
      destination: destination ?? 1,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    }),
  );
};
