// The client's address as the proxy in front reports it: the first X-Forwarded-For hop, else
// X-Real-IP, trimmed and cut to 64 characters (the audit column's width). The one place that
// decides which header to trust, for the audit trail and the sign-in throttle alike.
type HeaderSource = Pick<Headers, "get"> | Record<string, unknown> | undefined;

const isHeaders = (h: NonNullable<HeaderSource>): h is Pick<Headers, "get"> => typeof h.get === "function";

function header(headers: HeaderSource, name: string): string | undefined {
  const value = !headers ? undefined : isHeaders(headers) ? headers.get(name) : headers[name];
  return typeof value === "string" ? value : undefined;
}

/** Takes a Request's Headers or the plain header record next-auth hands to `authorize`. */
export function clientIp(headers: HeaderSource): string | null {
  const ip =
    header(headers, "x-forwarded-for")?.split(",")[0]?.trim() || header(headers, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
