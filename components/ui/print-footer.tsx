"use client";

import { useEffect, useState } from "react";

/**
 * On paper only: the page's address and the day it was printed (the access date a report cites).
 * Written in the browser, at print time: the server's page is shared (response cache) and cannot
 * know either.
 */
export function PrintFooter({ template, locale }: { template: string; locale: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const update = () => {
      const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date());
      setText(template.replace("{address}", window.location.href).replace("{date}", date));
    };
    update();
    window.addEventListener("beforeprint", update);
    return () => window.removeEventListener("beforeprint", update);
  }, [template, locale]);
  return (
    <p className="hidden break-all text-xs text-slate-700 print:block" data-print-footer>
      {text}
    </p>
  );
}
