// RFC 9457 problem details: the one shape of every API error response.
export type Problem = { type?: string; title: string; status: number; detail?: string; [extension: string]: unknown };

const TYPE_BASE = "https://tollgate.dev/problems/";

export function problem(p: Problem, init: { headers?: HeadersInit } = {}): Response {
  const slug = p.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const body = { type: p.type ?? `${TYPE_BASE}${slug}`, ...p };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...init.headers },
  });
}
