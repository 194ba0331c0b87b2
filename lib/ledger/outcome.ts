import type { z } from "zod";
import { fieldErrors } from "@/lib/ledger/schemas/result";

/** The result of a write, shared by server actions (messages to the form) and the API (status). */
export type WriteOutcome<T> = { ok: true; value: T } | WriteFailure;

export type WriteFailure =
  | { ok: false; status: 401; error: "unauthenticated"; message: string }
  | { ok: false; status: 403; error: "forbidden"; message: string }
  | { ok: false; status: 404; error: "not_found"; message: string }
  | { ok: false; status: 409; error: "duplicate" | "stale" | "conflict"; message: string; currentVersion?: number }
  | { ok: false; status: 428; error: "version_required"; message: string; currentVersion: number }
  | {
      ok: false;
      status: 422;
      error: "invalid";
      message: string;
      issues: z.core.$ZodIssue[];
      fieldErrors: Record<string, string>;
    };

export const unauthenticated = (): WriteFailure => ({
  ok: false,
  status: 401,
  error: "unauthenticated",
  message: "Masuk terlebih dahulu.",
});

export const forbidden = (message = "Anda tidak berwenang mengubah data ini."): WriteFailure => ({
  ok: false,
  status: 403,
  error: "forbidden",
  message,
});

export const notFound = (message = "Data tidak ditemukan."): WriteFailure => ({
  ok: false,
  status: 404,
  error: "not_found",
  message,
});

export const invalid = (issues: z.core.$ZodIssue[], message = "Periksa isian yang ditandai."): WriteFailure => ({
  ok: false,
  status: 422,
  error: "invalid",
  message,
  issues,
  fieldErrors: fieldErrors(issues),
});

export const staleVersion = (currentVersion: number): WriteFailure => ({
  ok: false,
  status: 409,
  error: "stale",
  message:
    "Hasil ini sudah diubah orang lain setelah Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.",
  currentVersion,
});

/** A change or delete that does not say which version it was made on: never last-write-wins. */
export const versionRequired = (currentVersion: number): WriteFailure => ({
  ok: false,
  status: 428,
  error: "version_required",
  message:
    "Sertakan versi hasil yang Anda ubah (`version` di badan permintaan, `?version=` atau header If-Match), agar perubahan orang lain tidak tertimpa tanpa diketahui.",
  currentVersion,
});
