"use server";

// The Stripe events page's actions: replay one event, or link a customer to a tenant and apply its
// stored unmatched events (bodies in lib/billing/admin-actions.ts, which check the role again).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { linkCustomerBody, replayEventBody, type AdminCaller } from "@/lib/billing/admin-actions";
import { stripeClient } from "@/lib/billing/stripe-client";
import { userActor } from "@/lib/audit/actor";
import type { ActionState } from "@/lib/dashboard/forms";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/web/session";

async function caller(): Promise<AdminCaller> {
  const user = await requireUser({ area: "admin" });
  return { role: user.role, actor: userActor(user.id, await headers()) };
}

export async function replayEventAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const r = await replayEventBody(prisma, stripeClient(), await caller(), fd);
  revalidatePath("/admin/stripe-events");
  return r;
}

export async function linkCustomerAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const r = await linkCustomerBody(prisma, await caller(), fd);
  revalidatePath("/admin/stripe-events");
  return r;
}
