import { Link } from "@/components/ui/locale-link";
import { queryString } from "./query";

/** Year switch as links that keep the other filters of the URL. */
export function YearNav({
  label,
  years,
  current,
  pathname,
  params,
}: {
  label: string;
  years: readonly number[];
  current: number;
  pathname: string;
  params: Record<string, string | null | undefined>;
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {years.map((y) => (
          <li key={y}>
            <Link
              href={`${pathname}${queryString(params, { tahun: String(y), halaman: null })}`}
              aria-current={y === current ? "page" : undefined}
              className={`inline-block rounded border px-3 py-1 text-sm ${
                y === current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 hover:bg-slate-100"
              }`}
            >
              {y}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
