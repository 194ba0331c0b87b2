import { useLocale } from "next-intl";
import { localizePath } from "@/lib/i18n/paths";

/**
 * A plain link for table rows: the same locale-aware href as `Link`, without a client
 * component per row. A national table has hundreds of rows; a client `Link` each cost
 * server render time, page weight and a prefetch request per visible row.
 */
export function RowLink({ href, className, children }: { href: string; className?: string; children: React.ReactNode }) {
  const locale = useLocale();
  return (
    <a href={localizePath(href, locale)} className={className}>
      {children}
    </a>
  );
}
