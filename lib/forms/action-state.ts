// What every server action answers, and the form plumbing both sides share: the browser validates
// with a form's zod schema before submitting (field errors at once) and the server parses the same
// FormData with the same schema again (never trusting the browser). Pure: client components import it.
import type { z } from "zod";

/** Field errors by field name ("form" when an issue names no field). */
export type FieldErrors = Record<string, string[]>;

/** What every server action answers (plain data: it crosses to the browser). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** A new API key's or channel's secret: in this one answer and nowhere else. */
  secret?: string;
};

export const IDLE: ActionState = { ok: false };

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

/**
 * FormData as a plain object of its string fields. A name sent more than once (checkboxes) keeps
 * every value, as an array; Next's own `$ACTION…` fields are left out.
 */
export function formObject(fd: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  fd.forEach((v, k) => {
    if (typeof v !== "string" || k.startsWith("$ACTION")) return;
    const seen = out[k];
    out[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v];
  });
  return out;
}

export type Parsed<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/** A form parsed with its schema: the data, or the field errors the form shows. */
export function parseForm<S extends z.ZodType>(schema: S, fd: FormData): Parsed<z.output<S>> {
  const parsed = schema.safeParse(formObject(fd));
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, fieldErrors: fieldErrors(parsed.error) };
}
