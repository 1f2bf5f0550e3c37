"use server";

// Admin retry of any dead-lettered delivery (any tenant's, or an operator channel's).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { retryDeliveryAction as retry } from "@/lib/alerts/manage-actions";
import { userActor } from "@/lib/audit/actor";
import type { ActionState } from "@/lib/dashboard/forms";
import { requireUser } from "@/lib/web/session";

export async function retryAnyDeliveryAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  const user = await requireUser({ area: "admin" });
  const result = await retry(userActor(user.id, await headers()), null, fd);
  if (result.ok) revalidatePath("/admin/alerts");
  return result;
}
