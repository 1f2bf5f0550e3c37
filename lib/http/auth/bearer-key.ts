// The authorize endpoint's strategy: only the raw bearer token (or null). A missing, unknown or
// revoked key is not an error there but a refusal that authorize() records like any other decision.
import { bearerToken } from "@/lib/http/bearer";
import type { Auth } from "@/lib/http/route";

export const bearerKey: Auth<string | null> = bearerToken;
