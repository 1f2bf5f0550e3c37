// The wire format of a usage report's answer (money as decimal strings of micro-USD).
import { json } from "@/lib/http/json";
import type { UsageResult } from "@/lib/usage/ingest-usage";

export function usageResponse(o: {
  results: UsageResult[];
  balance: { available: bigint; reserved: bigint };
}): Response {
  const count = (s: UsageResult["status"]) => o.results.filter((r) => r.status === s).length;
  return json({
    accepted: count("accepted"),
    duplicates: count("duplicate"),
    rejected: count("rejected"),
    results: o.results.map((r) => (r.status === "accepted" ? { ...r, cost: r.cost.toString() } : r)),
    balance: { available: o.balance.available.toString(), reserved: o.balance.reserved.toString() },
  });
}
