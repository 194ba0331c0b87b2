"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES, SERIES_DASH, ZONE_BAND_FILL } from "./colors";

export interface HistorySeries {
  name: string;
  /** Score in hundredths per year; null where the year has no score. */
  points: { year: number; score: number | null }[];
}

export interface YearBands {
  year: number;
  bands: { min: number; max: number; zone: "HIJAU" | "KUNING" | "MERAH" }[];
}

/** Consecutive years with the same bands drawn as one area each: a decade under one method is
 * three areas instead of thirty (each area is a component with its own work on first render). */
export function bandSpans(bands: readonly YearBands[]): { from: number; to: number; bands: YearBands["bands"] }[] {
  const spans: { from: number; to: number; bands: YearBands["bands"] }[] = [];
  const same = (a: YearBands["bands"], b: YearBands["bands"]) =>
    a.length === b.length && a.every((x, i) => x.min === b[i]!.min && x.max === b[i]!.max && x.zone === b[i]!.zone);
  for (const yb of [...bands].sort((a, b) => a.year - b.year)) {
    const last = spans[spans.length - 1];
    if (last && last.to === yb.year - 1 && same(last.bands, yb.bands)) last.to = yb.year;
    else spans.push({ from: yb.year, to: yb.year, bands: yb.bands });
  }
  return spans;
}

/**
 * Score lines over each year's zone bands, with a dashed line where the method changed.
 * Scores are plotted as numbers; every value a reader sees is formatted from hundredths.
 */
export function ScoreHistoryChart({
  series,
  bands,
  methodChanges,
  methodChangeLabel,
  locale,
}: {
  series: HistorySeries[];
  bands: YearBands[];
  /** Years whose method differs from the year before. */
  methodChanges: number[];
  methodChangeLabel: string;
  locale: string;
}) {
  const fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const years = [...new Set([...bands.map((b) => b.year), ...series.flatMap((s) => s.points.map((p) => p.year))])].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const data = years.map((year) => {
    const row: Record<string, number | null> = { year };
    series.forEach((s, i) => {
      const point = s.points.find((p) => p.year === year);
      row[`s${i}`] = point?.score != null ? point.score / 100 : null;
    });
    return row;
  });
  const min = years[0]! - 0.5;
  const max = years[years.length - 1]! + 0.5;
  return (
    <div className="h-72 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 12, bottom: 4, left: 0 }}>
          {bandSpans(bands).flatMap((span) =>
            span.bands.map((b) => (
              <ReferenceArea
                key={`${span.from}-${b.min}`}
                x1={span.from - 0.5}
                x2={span.to + 0.5}
                y1={b.min / 100}
                y2={b.max / 100}
                fill={ZONE_BAND_FILL[b.zone]}
                fillOpacity={1}
                strokeOpacity={0}
                ifOverflow="hidden"
              />
            )),
          )}
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="year" type="number" domain={[min, max]} ticks={years} allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={36} tick={{ fontSize: 12 }} />
          {methodChanges.map((y) => (
            <ReferenceLine key={y} x={y - 0.5} stroke="#334155" strokeDasharray="4 3" label={{ value: methodChangeLabel, position: "insideTopLeft", fontSize: 10, fill: "#334155" }} />
          ))}
          <Tooltip
            labelFormatter={(y) => String(y)}
            formatter={(v, name) => [v == null ? "—" : fmt.format(Number(v)), series[Number(String(name).slice(1))]?.name ?? ""]}
          />
          {series.map((s, i) => (
            <Line
              key={s.name}
              dataKey={`s${i}`}
              name={`s${i}`}
              stroke={SERIES[i % SERIES.length]}
              strokeDasharray={SERIES_DASH[i % SERIES_DASH.length]}
              strokeWidth={2.5}
              dot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
