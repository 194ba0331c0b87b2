"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};
/** True in the browser once hydrated, false on the server and in the first render. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

/**
 * Copies a text to the clipboard. Rendered only once JavaScript runs: without it the text it
 * copies is on the page, visible and selectable, and no button promises what cannot happen.
 */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  const ready = useHydrated();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  if (!ready) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100">
        {label}
      </button>
      <span role="status" className="text-xs text-slate-700">
        {status === "copied" ? copied : status === "failed" ? failed : ""}
      </span>
    </span>
  );
}

/**
 * A citation line whose access date is the reader's: the server writes the day it rendered the
 * page (a cached page may be older), the browser writes today's into the template's {date}.
 */
export function CitationLine({ initial, template, locale, labels }: { initial: string; template: string; locale: string; labels: { copy: string; copied: string; failed: string } }) {
  const today = useSyncExternalStore(
    noSubscription,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date()),
    () => null,
  );
  const text = today === null ? initial : template.replace("{date}", today);
  return (
    <>
      <p className="mt-1 select-all break-words rounded bg-slate-50 p-2 text-sm text-slate-900" data-citation>
        {text}
      </p>
      <div className="mt-2">
        <CopyButton text={text} label={labels.copy} copied={labels.copied} failed={labels.failed} />
      </div>
    </>
  );
}
