// One HTTP exchange with Tollgate: the request, a deadline for the whole answer (headers and body),
// and the answer sorted into a value or one of the three errors. A problem document with a decision
// (decisionId, remedy, retryable) is a refusal; any other 4xx is a problem; no connection, no answer
// in time or a 5xx is unavailability.
import {
  TollgateProblem,
  TollgateRefusal,
  TollgateUnavailable,
  type ProblemBody,
  type RefusalBody,
} from "./errors.js";

export type Transport = { baseUrl: string; timeoutMs: number; fetch: typeof fetch };

export type Exchange = {
  method: string;
  path: string;
  token: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
};

function isRefusal(body: unknown): body is RefusalBody {
  const b = body as Partial<RefusalBody> | null;
  return (
    typeof b?.code === "string" &&
    typeof b.decisionId === "string" &&
    typeof b.retryable === "boolean" &&
    typeof b.remedy === "object"
  );
}

function isProblem(body: unknown): body is ProblemBody {
  const b = body as Partial<ProblemBody> | null;
  return typeof b?.code === "string" && typeof b.status === "number";
}

function urlOf(t: Transport, e: Exchange): string {
  const url = new URL(t.baseUrl.replace(/\/+$/, "") + e.path);
  for (const [k, v] of Object.entries(e.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text || !/json/.test(res.headers.get("content-type") ?? "")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function exchange(t: Transport, e: Exchange): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), t.timeoutMs);
  let res: Response;
  let body: unknown;
  try {
    res = await t.fetch(urlOf(t, e), {
      method: e.method.toUpperCase(),
      headers: {
        Authorization: `Bearer ${e.token}`,
        Accept: "application/json, application/problem+json",
        ...(e.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: e.body === undefined ? undefined : JSON.stringify(e.body),
      signal: controller.signal,
    });
    body = await readBody(res);
  } catch (cause) {
    if (controller.signal.aborted)
      throw new TollgateUnavailable("timeout", `Tollgate did not answer within ${t.timeoutMs} ms`, { cause });
    throw new TollgateUnavailable("unreachable", `Tollgate is unreachable at ${t.baseUrl}`, { cause });
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return body;
  if (res.status >= 500)
    throw new TollgateUnavailable("server_error", `Tollgate answered ${res.status}`, {
      status: res.status,
      cause: isProblem(body) ? new TollgateProblem(res.status, body) : undefined,
    });
  if (isRefusal(body)) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new TollgateRefusal(body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  throw new TollgateProblem(res.status, isProblem(body) ? body : null);
}
