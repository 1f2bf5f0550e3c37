"use server";

// The Stripe events page's actions: replay one event, or link a customer to a tenant and apply its
// stored unmatched events (lib/billing/admin-actions.ts, which checks the ADMIN role again).
import { invalidEventId, linkCustomer, replayEvent } from "@/lib/billing/admin-actions";
import { eventIdForm, linkCustomerForm } from "@/lib/billing/forms";
import { stripeClient } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db";
import { action } from "@/lib/web/action";

// A replay or a link that answers "failed" has still recorded its attempt: the page must show it.
const PAGE = { area: "admin", revalidate: "/admin/stripe-events" } as const;

export const replayEventAction = action(
  { ...PAGE, input: eventIdForm, invalid: invalidEventId },
  ({ user, actor, input }) => replayEvent(prisma, stripeClient(), { role: user.role, actor }, input),
);
export const linkCustomerAction = action({ ...PAGE, input: linkCustomerForm }, ({ user, actor, input }) =>
  linkCustomer(prisma, { role: user.role, actor }, input),
);
