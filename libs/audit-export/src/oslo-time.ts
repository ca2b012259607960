/**
 * Times as the auditor reads them: Europe/Oslo local time with its UTC offset, ISO 8601
 * (`2026-12-04T17:28:16.053+01:00`). The offset comes from the runtime's time-zone data, asked once per UTC
 * hour (offsets change only on the hour): the events of an export mostly share hours, so this costs a
 * string slice per time, not an Intl call.
 */
const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Oslo',
  timeZoneName: 'longOffset',
});
const HOUR = 3_600_000;
let cachedHour = Number.NaN;
let cachedOffsetMinutes = 0;
let cachedOffsetText = '+00:00';

const offsetAt = (ms: number) => {
  const hour = Math.floor(ms / HOUR);
  if (hour === cachedHour) return;
  const name = offsetFormat.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // `GMT+01:00`, `GMT+02:00`; plain `GMT` for an offset of zero.
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  cachedOffsetMinutes =
    match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  cachedOffsetText = match === null ? '+00:00' : `${match[1]}${match[2]}:${match[3]}`;
  cachedHour = hour;
};

/** An ISO 8601 instant in Oslo time with its offset; a date without a time (`2025-03-01`) as it is. */
export const osloTime = (iso: string): string => {
  if (iso.length <= 10) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  offsetAt(ms);
  return new Date(ms + cachedOffsetMinutes * 60_000).toISOString().slice(0, 23) + cachedOffsetText;
};
