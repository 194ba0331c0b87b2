import { useLocale } from "next-intl";
import { getPathname } from "@/lib/i18n/navigation";

/**
 * A plain link for table rows: the same locale-aware href as `Link`, without a client
 * component per row. A national table has hundreds of rows; a client `Link` each cost
 * server render time, page weight and a prefetch request per visible row.
 */
export function RowLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  const locale = useLocale();
  return (
    <a href={getPathname({ href, locale })} className={className}>
      {children}
    </a>
  );
}
