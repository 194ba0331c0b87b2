/** A chart with its title, a text summary (read by screen readers; the drawing itself is
 * hidden from them) and the same data as a table behind "Lihat tabel". */
export function ChartFigure({
  id,
  title,
  summary,
  showTableLabel,
  chart,
  table,
  note,
}: {
  id: string;
  title: string;
  summary: string;
  showTableLabel: string;
  chart: React.ReactNode;
  /** Omitted when the same data is already shown as a table next to the chart. */
  table?: React.ReactNode;
  note?: React.ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-8 min-w-0">
      <figcaption id={`${id}-title`} className="mb-1 text-base font-semibold">
        {title}
      </figcaption>
      <p className="mb-2 text-sm text-slate-700">{summary}</p>
      {chart}
      {note && <div className="mt-1 text-xs text-slate-700">{note}</div>}
      {table && (
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-blue-800 underline">{showTableLabel}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
      )}
    </figure>
  );
}
