"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ZONE_PALETTE } from "@/components/ui/zone-palette";

export interface ZoneTrendDatum {
  /** "2024", or "2025*" for counts from recorded results only. */
  label: string;
  HIJAU: number;
  KUNING: number;
  MERAH: number;
}

/** National zone counts per year as stacked bars. */
export function ZoneTrendChart({
  data,
  zoneNames,
  locale,
}: {
  data: ZoneTrendDatum[];
  zoneNames: { HIJAU: string; KUNING: string; MERAH: string };
  locale: string;
}) {
  const fmt = new Intl.NumberFormat(locale);
  return (
    <div className="h-72 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={40} tickFormatter={(v: number) => fmt.format(v)} />
          <Tooltip formatter={(v) => fmt.format(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(["HIJAU", "KUNING", "MERAH"] as const).map((z) => (
            <Bar key={z} dataKey={z} name={zoneNames[z]} stackId="z" fill={ZONE_PALETTE[z].strong} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
