#!/usr/bin/env bash
# From an empty production database to an allowed call, through the HTTP API alone: price a model,
# make a plan, a tenant, its gateway's key, grant credits, authorize. Needs curl and jq, and a
# Tollgate started with TOLLGATE_ADMIN_TOKEN set (TOLLGATE_URL defaults to http://localhost:3000).
set -euo pipefail
U=${TOLLGATE_URL:-http://localhost:3000}/api/v1
A="Authorization: Bearer $TOLLGATE_ADMIN_TOKEN"
J="Content-Type: application/json"
api() { curl -sS --fail-with-body -H "$A" -H "$J" "$@"; }

# 1. What a call costs: micro-USD per million tokens ($0.15 in, $0.60 out, $0.075 cached in).
api -X PUT "$U/admin/models/gpt-4o-mini" -d '{"provider":"openai","displayName":"GPT-4o mini",
  "inputPrice":"150000","outputPrice":"600000","cachedInputPrice":"75000","contextWindow":128000,"maxOutputTokens":16384}' >/dev/null
# 2. A plan that offers it: 600 calls a minute, 50 M tokens a month.
api -X PUT "$U/admin/plans/starter" -d '{"name":"Starter","requestsPerMinute":600,
  "monthlyTokenQuota":"50000000","allowedModels":["gpt-4o-mini"]}' >/dev/null
# 3. A tenant on that plan, in its own time zone.
T=$(api "$U/admin/tenants" -d '{"name":"Redwood Insurance","planKey":"starter","timeZone":"America/New_York"}' | jq -r .id)
# 4. The key its gateway calls with (the secret is in this answer only).
KEY=$(api "$U/admin/tenants/$T/keys" -d '{"name":"production gateway"}' | jq -r .secret)
# 5. $25 of prepaid credit, once however often this line is run.
api "$U/admin/tenants/$T/credits" -d "{\"amount\":\"25000000\",\"reason\":\"Welcome credit\",\"idempotencyKey\":\"welcome-$T\"}" >/dev/null
# 6. The gateway asks before a call: allowed, and 1200 × $0.15/M + 400 × $0.60/M = 420 µUSD reserved.
curl -sS --fail-with-body "$U/authorize" -H "Authorization: Bearer $KEY" -H "$J" \
  -d '{"requestId":"first-call","model":"gpt-4o-mini","inputTokens":1200,"maxOutputTokens":400}' |
  jq -c '{allowed, reserved: .reservation.amount, available: .balance.available}'
