"use client";

import { useEffect, useId, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { localizePath, splitLocale } from "@/lib/i18n/paths";
import { formatYears } from "./years";

/** A hit as /api/v1/search answers it. */
interface Hit {
  kind: "entity" | "province";
  slug: string;
  name: string;
  type: string | null;
  province: { name: string; slug: string } | null;
  years: number[];
  path: string;
}

export interface SiteSearchText {
  label: string;
  placeholder: string;
  submit: string;
  province: string;
  /** "Hasil: {years}" */
  years: string;
  noYears: string;
  suggestionsNone: string;
  suggestionsOne: string;
  /** "{count} saran; …" */
  suggestionsMany: string;
  loadFailed: string;
  listLabel: string;
  /** Type names by entity type. */
  types: Record<string, string>;
}

const DELAY_MS = 120;

/**
 * The header's search: a plain GET form to /cari (works without JavaScript), and with
 * JavaScript a combobox (WAI-ARIA 1.2 pattern: an input that controls a listbox) whose
 * suggestions come from /api/v1/search as one types. Arrow keys move through them, Enter opens
 * the one chosen (or searches, when none is), Escape closes the list; the number of suggestions
 * is announced in a polite live region.
 */
export function SiteSearch({ text }: { text: SiteSearchText }) {
  const { locale } = splitLocale(usePathname());
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const [value, setValue] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = value.trim();
    // An emptied box is cleared by its change handler.
    if (q === "") return;
    const timer = setTimeout(() => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      fetch(`/api/v1/search?${new URLSearchParams({ q, limit: "8" })}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ data: Hit[] }>) : Promise.reject(new Error(String(response.status)))))
        .then(({ data }) => {
          setHits(data);
          setActive(-1);
          setOpen(true);
          setStatus(data.length === 0 ? text.suggestionsNone : data.length === 1 ? text.suggestionsOne : text.suggestionsMany.replace("{count}", String(data.length)));
        })
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === "AbortError") return;
          setHits([]);
          setOpen(false);
          setStatus(text.loadFailed);
        });
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, text]);

  const hrefOf = (hit: Hit) => {
    // The year being looked at is kept when the hit has results that year. Read when chosen (not
    // with useSearchParams, which would keep static pages from rendering the form on the server).
    const contextYear = Number(new URLSearchParams(window.location.search).get("tahun"));
    const year = hit.years.includes(contextYear) ? `?tahun=${contextYear}` : "";
    return localizePath(`${hit.path}${year}`, locale);
  };
  const go = (hit: Hit) => {
    setOpen(false);
    setValue("");
    router.push(hrefOf(hit));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === "Enter" && open && active >= 0 && hits[active]) {
      event.preventDefault();
      go(hits[active]);
    } else if (event.key === "Escape") {
      if (open) setOpen(false);
      else {
        setValue("");
        setHits([]);
        setStatus("");
      }
      setActive(-1);
    }
  };

  const expanded = open && hits.length > 0;
  return (
    <form role="search" method="get" action={localizePath("/cari", locale)} className="relative w-full sm:w-80 print:hidden" aria-label={text.label}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {text.label}
      </label>
      <div className="flex">
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (event.target.value.trim() === "") {
              abort.current?.abort();
              setHits([]);
              setOpen(false);
              setStatus("");
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => hits.length > 0 && setOpen(true)}
          placeholder={text.placeholder}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          maxLength={100}
          className="min-w-0 flex-1 rounded-l border border-slate-400 bg-white px-2 py-1.5 text-sm"
        />
        <button type="submit" className="rounded-r border border-l-0 border-slate-900 bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {text.submit}
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={text.listLabel}
        hidden={!expanded}
        className="absolute right-0 left-0 z-40 mt-1 max-h-[70vh] overflow-y-auto rounded border border-slate-300 bg-white shadow-lg"
      >
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}:${hit.slug}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-slug={hit.slug}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              go(hit);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer border-b border-slate-100 px-3 py-2 text-sm last:border-b-0 ${i === active ? "bg-blue-50" : ""}`}
          >
            <span className="block font-medium text-slate-900">{hit.name}</span>
            <span className="block text-xs text-slate-700">
              {hit.kind === "province" ? text.province : (text.types[hit.type ?? ""] ?? hit.type)}
              {hit.province && ` · ${hit.province.name}`}
              {" · "}
              {hit.years.length > 0 ? text.years.replace("{years}", formatYears(hit.years)) : text.noYears}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </form>
  );
}
