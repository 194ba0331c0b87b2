import { getTranslations } from "next-intl/server";
import { formatJakarta } from "@/lib/domain/jakarta-time";

/**
 * How a release goes public: now, at a WIB date and time, or (editors, or when a second admin
 * must approve) submitted for review. Radio buttons and a datetime-local field: no script needed.
 */
export async function WhenFields({ admin, separate, defaultMode, submit = true }: { admin: boolean; separate: boolean; defaultMode: "now" | "schedule" | "submit"; submit?: boolean }) {
  const t = await getTranslations("adminRelease");
  const canApprove = admin && !separate;
  return (
    <div className="space-y-2">
      {canApprove && (
        <>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="now" defaultChecked={defaultMode === "now"} />
            {t("modeNow")}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="schedule" defaultChecked={defaultMode === "schedule"} />
              {t("modeSchedule")}
            </label>
            <label className="flex flex-col">
              <span className="sr-only">{t("when")}</span>
              <input type="datetime-local" name="waktu" step={1} aria-label={t("when")} className="rounded border border-slate-400 px-2 py-1" />
            </label>
            <span className="text-xs text-slate-700">WIB · {t("whenHint")} {t("nowIs", { at: formatJakarta(new Date()) })}</span>
          </div>
        </>
      )}
      {submit && (
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" value="submit" defaultChecked={!canApprove || defaultMode === "submit"} />
          {t("modeSubmit")}
        </label>
      )}
      {admin && separate && <p className="text-xs text-slate-700">{t("separateApprover")}</p>}
    </div>
  );
}
