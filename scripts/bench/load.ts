// One autocannon run against a JSON endpoint, with a fresh body per request.
import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p99: number; ok: number; other: number; errors: number };

export function load(opts: {
  url: string;
  path: string;
  connections: number;
  durationSec: number;
  overallRate?: number;
  request: (n: number) => { headers: Record<string, string>; body: string };
}): Promise<LoadResult> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationSec,
        overallRate: opts.overallRate,
        requests: [
          {
            method: "POST",
            path: opts.path,
            setupRequest: (req) => {
              const { headers, body } = opts.request(n++);
              return {
                ...req,
                headers: { ...req.headers, "content-type": "application/json", ...headers },
                body,
              };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok: result["2xx"],
          other: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
  });
}
