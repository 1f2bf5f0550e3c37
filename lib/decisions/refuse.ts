// Builds a refusal from the code table, so status, scope, title and retryability cannot drift.
import { REFUSALS, type RefusalCode, type RemedyAction } from "@/lib/decisions/codes";
import type { DecisionSnapshot, Refused, Remedy } from "@/lib/decisions/types";

type Numbers = Pick<Refused, "limit" | "used" | "remaining" | "resetsAt">;

export function refuse(code: RefusalCode, detail: string, remedy: Remedy, numbers: Numbers = {}): Refused {
  const { status, scope, retryable, title } = REFUSALS[code];
  return { allowed: false, code, status, scope, title, detail, retryable, remedy, ...numbers };
}

/** Links into the tenant's own pages of this dashboard (never another tenant's). */
export function remedy(
  action: RemedyAction,
  snapshot: Pick<DecisionSnapshot, "appUrl" | "openInvoiceUrl"> | null,
  appUrl?: string,
): Remedy {
  const base = (snapshot?.appUrl ?? appUrl ?? "").replace(/\/$/, "");
  const url = {
    top_up: `${base}/app/billing#top-up`,
    update_card: `${base}/app/billing#payment-methods`,
    pay_invoice: snapshot?.openInvoiceUrl ?? `${base}/app/billing#invoices`,
    upgrade_plan: `${base}/app/billing#plans`,
    contact_admin: `${base}/app/keys`,
    wait: `${base}/app/usage`,
  }[action];
  return { action, url };
}
