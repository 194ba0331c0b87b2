import { formatHundredths } from "@/lib/domain/score";
import { ZONE_PALETTE } from "@/components/ui/zone-palette";
import { seriesStroke } from "./colors";
import { keepOnNarrow, layoutScoreHistory, type HistorySeries, type YearBands } from "./score-history-layout";

export type { HistorySeries, YearBands } from "./score-history-layout";

/**
 * Score lines over each year's zone bands, with a dashed line where the method changed.
 *
 * Drawn on the server as SVG and HTML, with no JavaScript: this chart sits at the top of the
 * entity and comparison pages, where recharts' download and first render were the long tasks
 * that kept those pages under the Lighthouse performance target (bench/RESULTS.md). The plot
 * stretches to any width (a 100×100 viewBox without aspect ratio; strokes and dots keep their
 * size), while the labels are HTML positioned in %, so text is never stretched.
 *
 * Hidden from screen readers: the figure's summary and table carry the same numbers. A single
 * series has its values written at the points; several series have them on hover (SVG titles).
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
  const layout = layoutScoreHistory({ series, bands, methodChanges });
  if (!layout) return null;
  const labelled = series.length === 1;
  return (
    <div className="relative h-72 w-full select-none text-xs text-slate-600" aria-hidden="true" data-chart="score-history">
      <div className="absolute top-4 bottom-7 left-0 w-8">
        {layout.yTicks.map((tick) => (
          <span key={tick.value} className="absolute right-1 -translate-y-1/2 tabular-nums" style={{ top: `${tick.y}%` }}>
            {tick.value}
          </span>
        ))}
      </div>
      <div className="absolute top-4 right-3 bottom-7 left-9">
        <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox="0 0 100 100" preserveAspectRatio="none">
          {layout.bands.map((b) => (
            <rect key={`${b.x}-${b.y}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={ZONE_PALETTE[b.zone].tint} />
          ))}
          {layout.yTicks.map((tick) => (
            <line key={tick.value} x1={0} x2={100} y1={tick.y} y2={tick.y} stroke="#cbd5e1" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
          ))}
          {layout.years.map((y) => (
            <line key={y.year} x1={y.x} x2={y.x} y1={0} y2={100} stroke="#cbd5e1" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
          ))}
          <polyline points="0,0 0,100 100,100" fill="none" stroke="#64748b" vectorEffect="non-scaling-stroke" />
          {layout.methodChanges.map((m) => (
            <line key={m.year} x1={m.x} x2={m.x} y1={0} y2={100} stroke="#334155" strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
          ))}
          {layout.series.map((points, i) => (
            // By position: two compared entities may share a name.
            <g key={i}>
              {points.length > 1 && (
                <polyline
                  points={points.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke={seriesStroke(i).color}
                  strokeDasharray={seriesStroke(i).dash}
                  strokeWidth={2.5}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              )}
              {points.map((p) => (
                // A zero-length path with round caps is a dot that stays round when the plot stretches.
                <g key={p.year}>
                  <title>{`${series[i]!.name}, ${p.year}: ${formatHundredths(p.score, locale)}`}</title>
                  <path d={`M${p.x} ${p.y}h0`} stroke={seriesStroke(i).color} strokeWidth={11} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
                  <path d={`M${p.x} ${p.y}h0`} stroke="#fff" strokeWidth={5} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
                </g>
              ))}
            </g>
          ))}
        </svg>
        {layout.methodChanges.map((m) => (
          // Written on the side with more room, so it never runs past the chart's edge.
          <span
            key={m.year}
            className={`absolute bottom-1 text-[10px] whitespace-nowrap text-slate-700 ${m.x > 50 ? "-translate-x-full pr-1" : "pl-1"}`}
            style={{ left: `${m.x}%` }}
          >
            {methodChangeLabel}
          </span>
        ))}
        {labelled &&
          layout.series[0]!.map((p) => (
            <span
              key={p.year}
              className="absolute -translate-x-1/2 -translate-y-full pb-1.5 font-medium whitespace-nowrap text-slate-900 tabular-nums"
              style={{ left: `${p.x}%`, top: `${p.y}%` }}
            >
              {formatHundredths(p.score, locale)}
            </span>
          ))}
      </div>
      <div className="absolute right-3 bottom-0 left-9 h-6">
        {layout.years.map((y, index) => (
          <span
            key={y.year}
            className={`absolute top-1 -translate-x-1/2 tabular-nums ${keepOnNarrow(index, layout.years.length) ? "" : "max-sm:hidden"}`}
            style={{ left: `${y.x}%` }}
          >
            {y.year}
          </span>
        ))}
      </div>
    </div>
  );
}
