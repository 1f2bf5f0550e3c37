// The one door from a write to the alert rules. A write that may have crossed a rule names what
// it changed, in its own transaction, and this hook evaluates exactly the rule kinds that change
// can cross, in that same transaction: a rolled-back write fires nothing, and concurrent writes
// take turns on the rules' row locks (lib/alerts/evaluate.ts), so each crossing transitions once.
// Writers know what they changed, never which alert kinds exist.
import { evaluateAlerts, type AlertTransition } from "@/lib/alerts/evaluate";
import { ALL_ALERT_KINDS } from "@/lib/alerts/kinds";
import { rowsOf, type SqlRunner } from "@/lib/db/sql-runner";
import { appUrl } from "@/lib/env";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

/**
 * `balance`: credits, spend or quota moved (usage, grants, top-ups). `billing`: a subscription or
 * card changed. `refusals`: calls were refused. `time`: nothing was written, time passed (the
 * minutely sweep). `everything`: a whole tenant was written at once (the demo seed).
 */
export type StateChange = "balance" | "billing" | "refusals" | "time" | "everything";

const KINDS_CROSSED_BY: Record<StateChange, readonly AlertRuleKind[]> = {
  balance: ["BALANCE_BELOW", "BALANCE_BELOW_TOPUP_PCT", "DAYS_LEFT_BELOW", "QUOTA_USED_PCT"],
  billing: ["CARD_EXPIRING", "CARD_EXPIRED", "SUBSCRIPTION_PAST_DUE", "GRACE_ENDING"],
  refusals: ["REFUSALS"],
  // Values that move with the clock alone: burn rate, card expiry, grace, refusal windows draining.
  time: [
    "DAYS_LEFT_BELOW",
    "CARD_EXPIRING",
    "CARD_EXPIRED",
    "SUBSCRIPTION_PAST_DUE",
    "GRACE_ENDING",
    "REFUSALS",
  ],
  everything: ALL_ALERT_KINDS,
};

export type AfterWrite = {
  tenantId: string;
  changed: StateChange | readonly StateChange[];
  now?: Date;
  /** Defaults to APP_URL; links in notifications point there. */
  appUrl?: string;
  /** The demo seed names its events so the same `now` gives the same rows. */
  eventId?: (ruleId: string) => string;
};

function kindsFor(changed: AfterWrite["changed"]): readonly AlertRuleKind[] {
  if (typeof changed === "string") return KINDS_CROSSED_BY[changed];
  return [...new Set(changed.flatMap((c) => KINDS_CROSSED_BY[c]))];
}

/** Call inside the transaction of the write, after it (the rules must see its effect). */
export function afterWrite(db: SqlRunner, write: AfterWrite): Promise<AlertTransition[]> {
  return evaluateAlerts(db, write.tenantId, kindsFor(write.changed), {
    now: write.now,
    appUrl: write.appUrl ?? appUrl(),
    eventId: write.eventId,
  });
}

/** Tenants with an enabled rule that `changed` can cross (whom the minutely sweep visits). */
export async function tenantsWatching(db: SqlRunner, changed: StateChange): Promise<string[]> {
  const rows = await rowsOf<{ tenantId: string }>(
    db,
    `SELECT DISTINCT "tenantId" FROM "AlertRule" WHERE enabled AND kind::text = ANY($1::text[])`,
    [KINDS_CROSSED_BY[changed]],
  );
  return rows.map((r) => r.tenantId);
}
