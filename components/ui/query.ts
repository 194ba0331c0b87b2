/** A query string from the current filters with some changed; empty values are dropped so
 * URLs stay short ("?tahun=2024&jenis=polres"). */
export function queryString(current: Record<string, string | null | undefined>, changes: Record<string, string | null | undefined> = {}): string {
  const merged = { ...current, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
