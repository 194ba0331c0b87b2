/**
 * Times in Asia/Jakarta (WIB, UTC+7 all year: Indonesia keeps no daylight saving time). A
 * release is scheduled in WIB whatever the server's or the browser's zone, and every admin time
 * is shown with its zone named.
 */

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-11-26T14:30" (a datetime-local field, read as WIB) → the instant; null when malformed. */
export function parseJakartaLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((p) => Number(p ?? 0));
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0);
  const date = new Date(utc - WIB_OFFSET_MS);
  // 2026-02-30 and 25:00 roll over in Date.UTC: refuse them instead.
  const back = new Date(utc);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month! - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour || back.getUTCMinutes() !== minute) return null;
  return date;
}

/** The instant as a datetime-local value in WIB ("2026-11-26T14:30"). */
export function toJakartaLocal(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16);
}

const formatter = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "26 Nov 2026 14.30.05 WIB". */
export function formatJakarta(date: Date): string {
  return `${formatter.format(date)} WIB`;
}
