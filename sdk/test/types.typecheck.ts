// Compiled by `npm run typecheck`, never run: the client's types narrow as its README says, and
// wrong calls do not compile (each @ts-expect-error fails the typecheck if its line compiles).
import { createTollgate, TollgateProblem, TollgateRefusal } from "../src";

const request = { requestId: "req-1", model: "gpt-4o-mini", inputTokens: 1200, maxOutputTokens: 400 };

export function narrowsRefusalsByCode(e: unknown): string | undefined {
  if (e instanceof TollgateRefusal && e.code === "credits_exhausted") {
    const code: "credits_exhausted" = e.code;
    return `${code}: ${e.remedy.action} at ${e.remedy.url}`;
  }
  if (e instanceof TollgateRefusal) {
    // @ts-expect-error a misspelt code is no refusal code
    if (e.code === "credit_exhausted") return;
    // @ts-expect-error a problem's code is not a refusal's
    if (e.code === "validation_failed") return;
    const status: 401 | 402 | 403 | 429 = e.status;
    const resetsAt: Date | null = e.resetsAt;
    const retryAfter: number | null = e.retryAfter;
    return `${status} ${resetsAt?.toISOString()} ${retryAfter}`;
  }
  if (e instanceof TollgateProblem && e.code === "validation_failed")
    return e.errors.map((f) => f.path).join();
}

export async function closedAlwaysHasAReservation() {
  const tollgate = createTollgate({ baseUrl: "http://localhost:3000", apiKey: "tg_live_x" });
  const auth = await tollgate.authorize(request);
  const id: string = auth.reservation.id;
  // @ts-expect-error requestId is required
  await tollgate.authorize({ model: "gpt-4o-mini" });
  return id;
}

export async function openMayHaveNone() {
  const tollgate = createTollgate({
    baseUrl: "http://localhost:3000",
    apiKey: "tg_live_x",
    failMode: "open",
  });
  const auth = await tollgate.authorize(request);
  // @ts-expect-error failed open, there is no reservation
  void auth.reservation.id;
  return auth.failOpen ? auth.cause.reason : auth.reservation.id;
}

export async function callIsTypedByOperation() {
  const tollgate = createTollgate({ baseUrl: "http://localhost:3000", adminToken: "t" });
  const tenant = await tollgate.call("getTenant", { params: { id: "t_1" } });
  const status: "ACTIVE" | "SUSPENDED" = tenant.status;
  // @ts-expect-error getTenant needs its id
  await tollgate.call("getTenant");
  // @ts-expect-error no such operation
  await tollgate.call("dropEverything");
  // @ts-expect-error putPlan's body needs requestsPerMinute
  await tollgate.admin.putPlan("scale", { name: "Scale" });
  const plans = await tollgate.call("listPlans");
  return [status, plans.plans[0]?.quotaMode];
}

export async function guardReturnsTheResult() {
  const tollgate = createTollgate({ baseUrl: "http://localhost:3000", apiKey: "tg_live_x" });
  const n: number = await tollgate.guard(request, async () => ({
    usage: { inputTokens: 1200, outputTokens: 80 },
    result: 42,
  }));
  // @ts-expect-error the usage needs outputTokens
  await tollgate.guard(request, async () => ({ usage: { inputTokens: 1200 }, result: 42 }));
  return n;
}
