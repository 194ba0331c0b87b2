import NextLink from "next/link";
import { useLocale } from "next-intl";
import { localizePath } from "@/lib/i18n/paths";

/**
 * Next's Link with the href put in the page's locale, resolved on the server: public pages
 * need none of next-intl's client runtime for their links (its weight: bench/RESULTS.md, "Web").
 */
export function Link({ href, ...props }: Omit<React.ComponentProps<typeof NextLink>, "href"> & { href: string }) {
  const locale = useLocale();
  return <NextLink href={localizePath(href, locale)} {...props} />;
}
