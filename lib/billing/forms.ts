// The Stripe events page's form schemas, shared by the browser and the server actions. Client-safe.
import { z } from "zod";

/** One Stripe event, named by id (the replay button). */
export const eventIdForm = z.object({
  eventId: z
    .string()
    .regex(/^evt_[A-Za-z0-9_]+$/, "Not a Stripe event id")
    .max(255),
});

/** An administrator linking a Stripe customer to a tenant, named by its slug. */
export const linkCustomerForm = z.object({
  customerId: z
    .string()
    .regex(/^cus_[A-Za-z0-9_]+$/, "Not a Stripe customer id (cus_…)")
    .max(255),
  tenantSlug: z
    .string()
    .trim()
    .min(1, { message: "Choose a tenant", abort: true })
    .max(48, "At most 48 characters")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A tenant slug: lowercase letters, digits and dashes"),
});
