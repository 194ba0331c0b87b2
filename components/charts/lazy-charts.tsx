"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";

/**
 * The recharts charts load in their own chunk, only when they come near the screen: recharts is a
 * large download and its first render a long task (bench/RESULTS.md, "Browser: first-load JS and Lighthouse"), the drawing is hidden
 * from screen readers, and every chart sits in a ChartFigure whose text summary and table are
 * server-rendered.
 * Nothing is lost without it; the placeholder keeps the chart's height so nothing moves.
 */
function Placeholder() {
  return <div className="h-72 w-full rounded bg-slate-50" aria-hidden="true" />;
}

const ZoneTrendChartImpl = dynamic(() => import("./zone-trend-chart").then((m) => m.ZoneTrendChart), {
  ssr: false,
  loading: Placeholder,
});

function WhenNearScreen({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          // After the page has settled: the chart's first render is a long task that would
          // otherwise compete with hydration.
          if ("requestIdleCallback" in window) window.requestIdleCallback(() => setNear(true), { timeout: 2000 });
          else setNear(true);
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return near ? children : <div ref={ref}><Placeholder /></div>;
}

export function ZoneTrendChart(props: ComponentProps<typeof ZoneTrendChartImpl>) {
  return (
    <WhenNearScreen>
      <ZoneTrendChartImpl {...props} />
    </WhenNearScreen>
  );
}
