import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/locale-link";
import { SiteSearch, type SiteSearchText } from "@/components/search/site-search";
import { ENTITY_TYPES } from "@/lib/domain/types";
import { LanguageSwitcher } from "./language-switcher";
import { SiteNav } from "./site-nav";

export async function SiteHeader() {
  const t = await getTranslations("site");
  const tNav = await getTranslations("nav");
  const tSearch = await getTranslations("search");
  const tType = await getTranslations("entityType");
  const text: SiteSearchText = {
    label: tSearch("label"),
    placeholder: tSearch("placeholder"),
    submit: tSearch("submit"),
    province: tSearch("province"),
    years: tSearch("years", { years: "{years}" }),
    noYears: tSearch("noYears"),
    suggestionsNone: tSearch("suggestionsNone"),
    suggestionsOne: tSearch("suggestionsOne"),
    suggestionsMany: tSearch("suggestionsMany", { count: "{count}" }),
    loadFailed: tSearch("loadFailed"),
    listLabel: tSearch("listLabel"),
    types: Object.fromEntries(ENTITY_TYPES.map((type) => [type, tType(type)])),
  };
  const items = [
    { href: "/", label: tNav("home") },
    { href: "/peringkat", label: tNav("rankings") },
    { href: "/bandingkan", label: tNav("compare") },
    { href: "/metodologi", label: tNav("methodology") },
  ];
  return (
    <header className="border-b border-slate-200 bg-slate-50 print:border-0 print:bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start justify-between gap-x-6 gap-y-2 px-4 pt-4">
        <div className="min-w-0">
          <Link href="/" className="text-xl font-bold text-slate-900 hover:underline">
            {t("name")}
          </Link>
          <p className="text-sm text-slate-700">{t("tagline")}</p>
        </div>
        <Suspense fallback={null}>
          {/* Paper needs no language switch, navigation or search. */}
          <LanguageSwitcher label={tNav("language")} names={{ id: "Bahasa Indonesia", en: "English" }} />
        </Suspense>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap-reverse items-end justify-between gap-x-6 gap-y-2 px-4 pt-2 sm:pt-0 print:hidden">
        <SiteNav label={tNav("main")} items={items} />
        <div className="w-full pb-2 sm:w-auto">
          <SiteSearch text={text} />
        </div>
      </div>
    </header>
  );
}
