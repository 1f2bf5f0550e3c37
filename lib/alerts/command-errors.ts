// How the alert commands (lib/alerts/manage.ts, manage-channels.ts) refuse: an unknown row is
// not_found and refused fields are validation_failed naming each, with the sentences the pages show.
import type { FieldIssue } from "@/lib/alerts/settings";
import { AppError } from "@/lib/errors/app-error";
import { invalidField } from "@/lib/validation/inputs";

/** A row of another tenant, or none: 404 with the sentence the page shows. */
export const notFound = (what: string) => new AppError("not_found", `No such ${what}.`);

/**
 * Refused fields (422, `errors: [{ path, message }]`). One field's sentence is the detail as it is
 * (the form shows it); several are listed.
 */
export function invalidFields(issues: FieldIssue[]): AppError {
  const [only] = issues;
  if (issues.length === 1 && only) return invalidField(only.path, only.message, only.message);
  return new AppError("validation_failed", issues.map((i) => `${i.path}: ${i.message}`).join("; "), {
    errors: issues,
  });
}

/** One field refused, with the form's sentence. */
export const invalid = (path: string, message: string) => invalidFields([{ path, message }]);
