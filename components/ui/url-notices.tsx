import { getLocale, getTranslations } from "next-intl/server";
import { localizePath } from "@/lib/i18n/paths";
import type { UrlNotice } from "@/lib/record/notices";
import { Link } from "@/components/ui/locale-link";

/**
 * What the page did with its address: each value it could not show as written, what it shows
 * instead, and the address of what it shows. Nothing when the address was shown as written.
 * `year` is the year shown (null: every year).
 */
export async function UrlNotices({ notices, canonical, year, page }: { notices: readonly UrlNotice[]; canonical: string; year: number | null; page?: number }) {
  if (notices.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("urlNotice"), getLocale()]);
  const shown = (notice: UrlNotice): string => {
    switch (notice.reason === "beyondCompared" ? "beyond" : notice.param) {
      case "tahun":
        return year !== null ? t("shownYear", { year }) : t("shownAllYears");
      case "provinsi":
        return t("shownAllProvinces");
      case "jenis":
        return t("shownAllTypes");
      case "urut":
      case "arah":
        return t("shownDefaultOrder");
      case "halaman":
        return page !== undefined && page > 1 ? t("shownPage", { page }) : t("shownFirstPage");
      case "q":
        return t("shownNoSearch");
      case "beyond":
        return t("shownFirstFour");
      default:
        return t("shownIgnored");
    }
  };
  return (
    <section aria-label={t("label")} data-notice="address" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <ul className="space-y-1">
        {notices.map((notice) => (
          <li key={`${notice.param}:${notice.value}:${notice.reason}`}>
            {t(notice.reason, { value: notice.value, param: notice.param })} {shown(notice)}
          </li>
        ))}
      </ul>
      <p className="mt-1">
        {t("canonical")}{" "}
        <Link href={canonical} className="font-mono break-all text-blue-800 underline">
          {localizePath(canonical, locale)}
        </Link>
      </p>
    </section>
  );
}
