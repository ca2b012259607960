/**
 * Days and clock times in Europe/Oslo, where the municipality lives: a domain date is an Oslo day, and
 * times shown to people are Oslo time. Stored timestamps stay UTC; the offsets (and their summer-time
 * switches) come from the runtime's time-zone database through `Intl`, never from a table of our own.
 */
export const osloTimeZone = 'Europe/Oslo';

const osloParts = new Intl.DateTimeFormat('en-US', {
  timeZone: osloTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Oslo wall clock at an instant, as its fields. */
const wallClock = (instant: Date) => {
  const parts: Record<string, string> = {};
  for (const { type, value } of osloParts.formatToParts(instant)) parts[type] = value;
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
};

/** How far Oslo's clock is ahead of UTC at an instant, in milliseconds (one or two hours). */
const osloOffsetMs = (instant: number): number => {
  const wall = wallClock(new Date(instant));
  const wallAsUtc = Date.UTC(
    Number(wall.year),
    Number(wall.month) - 1,
    Number(wall.day),
    Number(wall.hour),
    Number(wall.minute),
    Number(wall.second),
  );
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
};

/** The Oslo day (`YYYY-MM-DD`) an instant falls on. */
export const osloDay = (instant: Date): string => {
  const wall = wallClock(instant);
  return `${wall.year}-${wall.month}-${wall.day}`;
};

const dayStarts = new Map<string, string>();

const hourMs = 3_600_000;

/**
 * The instant an Oslo day (`YYYY-MM-DD`) begins, as a stored timestamp (`2024-06-30` →
 * `2024-06-29T22:00:00.000Z`). Oslo's midnight falls at 22:00 or 23:00 UTC the evening before, and Oslo
 * switches clocks only at 01:00 UTC, so the offset at 23:00 UTC that evening is the offset at midnight: one
 * look-up in the time-zone database per day. Remembered per day: projections ask once per fact, and a
 * history has only some thousand days.
 */
export const osloDayStart = (day: string): string => {
  let start = dayStarts.get(day);
  if (start === undefined) {
    const midnightAsUtc = Date.parse(`${day}T00:00:00.000Z`);
    start = new Date(midnightAsUtc - osloOffsetMs(midnightAsUtc - hourMs)).toISOString();
    dayStarts.set(day, start);
  }
  return start;
};

/** The instant an Oslo day (`YYYY-MM-DD`) begins. */
export const startOfOsloDay = (day: string): Date => new Date(osloDayStart(day));

/** The day after a `YYYY-MM-DD` day. */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** An instant as people in Oslo read it: `31.12.2024 14:05:09`. */
export const osloDateTime = (instant: Date | string): string => {
  const wall = wallClock(typeof instant === 'string' ? new Date(instant) : instant);
  return `${wall.day}.${wall.month}.${wall.year} ${wall.hour}:${wall.minute}:${wall.second}`;
};
