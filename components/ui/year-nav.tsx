import { Link } from "@/components/ui/locale-link";

/** Year switch as links; `href` gives each year's address (the view's other filters kept), and
 * `detail` an optional word on a year's coverage ("34 hasil"). */
export function YearNav({
  label,
  years,
  current,
  href,
  detail,
}: {
  label: string;
  years: readonly number[];
  current: number;
  href: (year: number) => string;
  detail?: (year: number) => string | null;
}) {
  return (
    <nav aria-label={label} className="mb-4 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {years.map((y) => {
          const extra = detail?.(y) ?? null;
          return (
            <li key={y}>
              <Link
                href={href(y)}
                aria-current={y === current ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 text-sm ${
                  y === current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 hover:bg-slate-100"
                }`}
              >
                {y}
                {extra && <span className="text-xs"> ({extra})</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
