// Evaluating a tenant's alert rules inside the transaction of the write that may have crossed
// them (a usage batch, a grant, a Stripe update, a batch of refusals) or of the minutely sweep.
// Exactly one transition per crossing, however many writes race: the rules are locked
// (SELECT … FOR UPDATE) before their state is read, so concurrent evaluations of one tenant take
// turns and the second sees the first one's state. Each transition writes an AlertEvent, one
// NotificationDelivery per enabled channel of the rule, and enqueues their jobs — all in the same
// transaction, so a rolled-back write notifies nobody and a committed one loses no notification.
import { randomUUID } from "node:crypto";

import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { countRefusals, measureTenant } from "@/lib/alerts/measure";
import { alertMessage } from "@/lib/alerts/payload";
import { transition } from "@/lib/alerts/transition";
import { utc } from "@/lib/db/pool";
import { rowsOf, type SqlRunner } from "@/lib/db/sql-runner";
import type { AlertRuleKind, AlertState } from "@/lib/generated/prisma/enums";
import { enqueueNotification } from "@/lib/jobs/enqueue";
import type { AlertPayload } from "@/lib/notify/alert-payload";

type RuleRow = {
  id: string;
  name: string;
  kind: AlertRuleKind;
  threshold: bigint;
  resolveMarginPct: number;
  state: AlertState;
  windowMinutes: number | null;
  refusalCode: string | null;
};

export type AlertTransition = {
  ruleId: string;
  eventId: string;
  kind: "FIRING" | "RESOLVED";
  deliveries: string[];
};

export async function evaluateAlerts(
  db: SqlRunner,
  tenantId: string,
  kinds: readonly AlertRuleKind[],
  /** `eventId`: the demo seed names its events so the same `now` gives the same rows. */
  opts: { now?: Date; appUrl: string; eventId?: (ruleId: string) => string },
): Promise<AlertTransition[]> {
  const now = opts.now ?? new Date();
  const rules = await rowsOf<RuleRow>(
    db,
    `SELECT id, name, kind, threshold, "resolveMarginPct", state, "windowMinutes", "refusalCode" FROM "AlertRule"
     WHERE "tenantId" = $1 AND enabled AND kind::text = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [tenantId, kinds],
  );
  if (rules.length === 0) return [];
  const measures = await measureTenant(db, tenantId, new Set(rules.map((r) => r.kind)), now);
  if (!measures) return [];

  const transitions: AlertTransition[] = [];
  for (const rule of rules) {
    const threshold = Number(rule.threshold);
    const value =
      rule.kind === "REFUSALS"
        ? await countRefusals(db, tenantId, rule.windowMinutes ?? 60, rule.refusalCode, now)
        : (measures.values[rule.kind] ?? null);
    const next = transition(
      { kind: rule.kind, threshold, resolveMarginPct: rule.resolveMarginPct, state: rule.state },
      value,
    );
    if (!next) continue;

    const eventId = opts.eventId?.(rule.id) ?? `alev_${randomUUID()}`;
    const message = alertMessage(
      { name: rule.name, kind: rule.kind, threshold },
      next === "FIRING",
      value,
      measures.tenant.name,
    );
    const stored = value === null ? null : BigInt(Math.round(value));
    await db.query(
      `UPDATE "AlertRule" SET state = $2::"AlertState", "stateChangedAt" = $3::timestamp, "lastValue" = $4, "lastEvaluatedAt" = $3::timestamp, "updatedAt" = $3::timestamp WHERE id = $1`,
      [rule.id, next, utc(now), stored?.toString() ?? null],
    );
    await db.query(
      `INSERT INTO "AlertEvent" (id, "tenantId", "ruleId", kind, value, threshold, message, "createdAt") VALUES ($1, $2, $3, $4::"AlertEventKind", $5, $6, $7, $8::timestamp)`,
      [
        eventId,
        tenantId,
        rule.id,
        next,
        stored?.toString() ?? null,
        rule.threshold.toString(),
        message,
        utc(now),
      ],
    );
    const payload: AlertPayload = {
      type: next === "FIRING" ? "alert.firing" : "alert.resolved",
      eventId,
      occurredAt: now.toISOString(),
      tenant: { id: tenantId, name: measures.tenant.name, slug: measures.tenant.slug },
      rule: { id: rule.id, name: rule.name, kind: rule.kind, threshold, unit: ALERT_KINDS[rule.kind].unit },
      value,
      message,
      url: `${opts.appUrl.replace(/\/$/, "")}/app/alerts`,
    };
    const deliveries = await rowsOf<{ id: string }>(
      db,
      `INSERT INTO "NotificationDelivery" (id, "tenantId", "channelId", "alertEventId", status, payload, "nextAttemptAt", "createdAt", "updatedAt")
       SELECT 'dlv_' || gen_random_uuid(), $1, c.id, $2, 'PENDING', $3::jsonb, $4::timestamp, $4::timestamp, $4::timestamp
       FROM "AlertRuleChannel" rc JOIN "NotificationChannel" c ON c.id = rc."channelId" AND c.enabled
       WHERE rc."ruleId" = $5 RETURNING id`,
      [tenantId, eventId, JSON.stringify(payload), utc(now), rule.id],
    );
    for (const d of deliveries) await enqueueNotification(db, { deliveryId: d.id, firstAttempt: 1 });
    transitions.push({ ruleId: rule.id, eventId, kind: next, deliveries: deliveries.map((d) => d.id) });
  }
  return transitions;
}
