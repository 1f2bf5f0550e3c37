// "Retry" on a dead-lettered delivery: back to PENDING and queued again, in one transaction,
// with its attempt count carried on (the log keeps every attempt). Only a DEAD delivery can be
// retried this way (a pending one is still being retried by the queue).
import { rowsOf, type SqlRunner } from "@/lib/db/sql-runner";
import { enqueueNotification } from "@/lib/jobs/enqueue";

/** `tenantId` limits the retry to that tenant's deliveries (a tenant owner's request). */
export async function retryDeadDelivery(
  db: SqlRunner,
  deliveryId: string,
  tenantId: string | null,
): Promise<"queued" | "not_found" | "not_dead"> {
  const [d] = await rowsOf<{ status: string; attempts: number }>(
    db,
    `SELECT status, attempts FROM "NotificationDelivery" WHERE id = $1 AND ($2::text IS NULL OR "tenantId" = $2) FOR UPDATE`,
    [deliveryId, tenantId],
  );
  if (!d) return "not_found";
  if (d.status !== "DEAD") return "not_dead";
  await db.query(
    `UPDATE "NotificationDelivery" SET status = 'PENDING', error = NULL, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`,
    [deliveryId],
  );
  await enqueueNotification(db, { deliveryId, firstAttempt: d.attempts + 1 });
  return "queued";
}
