"use client";

import { useSyncExternalStore } from "react";
import { formatInZone } from "@/lib/domain/jakarta-time";

const never = () => () => undefined;

/**
 * Beside a time shown in WIB, the same instant in the admin's own zone when it is another one
 * (an Ombudsman office in WITA or WIT, an admin abroad). Rendered in the browser, which alone
 * knows the zone; the server's page carries the WIB time only.
 */
export function OwnZoneTime({ iso, label }: { iso: string; label: string }) {
  const own = useSyncExternalStore(
    never,
    () => formatInZone(new Date(iso), Intl.DateTimeFormat().resolvedOptions().timeZone),
    () => null,
  );
  if (!own) return null;
  return (
    <span className="text-slate-600" data-testid="own-zone-time">
      {" "}
      ({own}, {label})
    </span>
  );
}
