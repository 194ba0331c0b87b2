"use client";

import dynamic from "next/dynamic";

/**
 * The charts load after the page, in their own chunk: recharts is about 115 kB gzip, the
 * drawing is hidden from screen readers, and every chart sits in a ChartFigure whose text
 * summary and table are server-rendered. Nothing is lost without it; the placeholder keeps
 * the chart's height so nothing moves when it arrives.
 */
const placeholder = () => <div className="h-72 w-full rounded bg-slate-50" aria-hidden="true" />;

export const ScoreHistoryChart = dynamic(() => import("./score-history-chart").then((m) => m.ScoreHistoryChart), {
  ssr: false,
  loading: placeholder,
});

export const ZoneTrendChart = dynamic(() => import("./zone-trend-chart").then((m) => m.ZoneTrendChart), {
  ssr: false,
  loading: placeholder,
});
