import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ZoneChip } from "@/components/ui/zone-chip";
import { getPublicDataset } from "@/lib/record/dataset";
import { methodologyDetails } from "@/lib/record/methodology";
import { formatHundredths, formatScore } from "@/lib/domain/score";
import { intlLocale } from "@/lib/i18n/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("methodology");
  return { title: t("metaTitle") };
}

/** Each year's method as stored in the database: bands, zones, dimensions, weights, sources. */
export default async function MethodologyPage() {
  const [t, dataset, locale] = await Promise.all([getTranslations("methodology"), getPublicDataset(), getLocale()]);
  const methods = methodologyDetails(dataset);
  const numberLocale = intlLocale(locale);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {methods.length === 0 && <p>{t("empty")}</p>}
      {methods.map((m) => (
        <section key={m.year} id={`tahun-${m.year}`} aria-labelledby={`m-${m.year}`} className="mb-10 border-t border-slate-200 pt-4">
          <h2 id={`m-${m.year}`} className="text-xl font-bold">
            {m.year}: {m.name}
          </h2>
          {m.opinionName && <p className="text-sm text-slate-700">{m.opinionName}</p>}
          <p className="mt-1 text-sm">
            {m.bandsVerified ? (
              <span className="text-green-900">{t("verified")}</span>
            ) : (
              <strong className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("unverified")}</strong>
            )}
          </p>
          {m.notes && <p className="mt-2 max-w-3xl text-sm text-slate-700">{m.notes}</p>}
          <div className="mt-3 overflow-x-auto">
            <table role="table" className="phone-rows phone-even w-full border-collapse text-left text-sm sm:min-w-[420px]">
              <caption className="mb-1 text-left text-sm font-semibold">{t("bandsCaption", { year: m.year })}</caption>
              <thead role="rowgroup">
                <tr role="row" className="border-b-2 border-slate-300">
                  <th scope="col" role="columnheader" className="py-1 pr-3">{t("colRange")}</th>
                  <th scope="col" role="columnheader" className="py-1 pr-3">{t("colZone")}</th>
                  <th scope="col" role="columnheader" className="py-1 pr-3">{t("colCategory")}</th>
                  <th scope="col" role="columnheader" className="py-1">{t("colLabel")}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {m.bands.map((b) => (
                  <tr key={b.min} role="row" className="border-b border-slate-200">
                    <td role="cell" className="py-1 pr-3 font-mono tabular-nums" data-phone="third">
                      {formatScore(b.min, numberLocale)}–{formatScore(b.max, numberLocale)}
                    </td>
                    <td role="cell" className="py-1 pr-3" data-phone="third"><ZoneChip zone={b.zone} basis="computed" /></td>
                    <td role="cell" className="py-1 pr-3" data-phone="third">{b.category ?? "—"}</td>
                    <td role="cell" className="py-1" data-phone="wide">{b.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {m.bands.length === 0 && <p className="text-sm">{t("noBands")}</p>}
          </div>
          {m.dimensions.length > 0 && (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse sm:min-w-[420px] text-left text-sm">
                <caption className="mb-1 text-left text-sm font-semibold">{t("dimensionsCaption", { year: m.year })}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("colDimension")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("colWeight")}</th>
                    <th scope="col" className="py-1">{t("colStatus")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.dimensions.map((d) => (
                    <tr key={d.code} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-1 pr-3 font-normal">{d.name}</th>
                      <td className="py-1 pr-3 text-right tabular-nums">{d.weight !== null ? `${formatHundredths(d.weight, numberLocale)} %` : t("weightUnknown")}</td>
                      <td className="py-1 text-xs">
                        {d.verified ? t("verifiedShort") : t("unverifiedShort")}
                        {d.notes && <span className="block text-slate-700">{d.notes}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {m.sources.length > 0 && (
            <div className="mt-3 text-sm">
              <h3 className="font-semibold">{t("sources")}</h3>
              <ul className="ml-4 list-disc">
                {m.sources.map((s) => (
                  <li key={s} className="break-all">
                    <a href={s} className="text-blue-800 underline" rel="noopener noreferrer">{s}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
