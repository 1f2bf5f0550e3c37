// The one JSON answer of the API: never cached (every answer is about live balances, keys or
// tenants). BigInt does not survive JSON: money must already be decimal strings.
export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { "Cache-Control": "no-store", ...init.headers },
  });
}
