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

/** A zone's offset from UTC at an instant, in ms (throws for an unknown zone). */
function offsetAt(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant in another time zone, with that zone's short name ("26 Nov 2026 15.30.05 WITA"),
 * for an admin whose own zone is not WIB; null when the zone is unknown or has WIB's offset at
 * that instant (nothing to add beside the WIB time).
 */
export function formatInZone(date: Date, timeZone: string): string | null {
  try {
    if (offsetAt(date, timeZone) === WIB_OFFSET_MS) return null;
    const parts = new Intl.DateTimeFormat("id-ID", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }).formatToParts(date);
    const name = parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
    const text = parts.filter((p) => p.type !== "timeZoneName").map((p) => p.value).join("").trim();
    return `${text} ${name}`;
  } catch {
    return null;
  }
}
