// No caller to resolve: health checks, and Stripe's webhook (which proves itself by its signature).
import type { Auth } from "@/lib/http/route";

export const publicAccess: Auth<null> = () => null;
