import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The architecture of lib/ in one table: the folders of lib/ each folder may import. Lint refuses
// any other import between folders (type imports too), and this file refuses to load when the table
// has a cycle, so lib/ stays layered: adding an arrow is a reviewed change to this table. `lib/db.ts`
// (the Prisma client) belongs to `db`; `lib/env.ts` and Prisma's generated client may be imported
// from anywhere. Read bottom-up: pure rules first, then data access, the domain, and the adapters.
const LIB_LAYERS = {
  // Pure: data in, answer out. No I/O, no clock but what is passed in.
  decisions: [],
  time: [],
  cache: [],
  ratelimit: [],
  format: [],
  forms: [],
  money: ["time"],
  errors: ["decisions"],
  validation: ["errors", "time"],
  // Data access and the job queue.
  db: ["errors"],
  audit: ["db"],
  jobs: ["db"],
  schema: ["db", "jobs"],
  health: ["schema"],
  // The domain.
  notify: ["db", "jobs"],
  alerts: ["audit", "db", "decisions", "errors", "forms", "jobs", "money", "notify", "time", "validation"],
  ledger: ["alerts", "audit", "db", "errors", "validation"],
  keys: ["audit", "cache", "db", "decisions", "errors", "forms", "validation"],
  plans: ["audit", "errors", "keys", "validation"],
  catalog: ["audit", "decisions", "errors", "forms", "keys", "validation"],
  tenants: ["alerts", "audit", "db", "decisions", "errors", "keys", "time", "validation"],
  billing: ["alerts", "audit", "db", "errors", "forms", "keys", "ledger", "money", "tenants", "validation"],
  authorize: ["alerts", "cache", "db", "decisions", "keys", "ledger", "ratelimit", "time"],
  usage: ["alerts", "db", "decisions", "errors", "keys", "ledger", "money", "time"],
  worker: ["alerts", "db", "jobs", "ledger", "notify"],
  // The read API's lists and reads (admin, and a tenant's own usage), tenant-scoped in one place.
  reads: ["db", "decisions", "errors", "keys", "tenants", "time", "validation"],
  demo: ["alerts", "auth", "db", "decisions", "keys", "money", "time"],
  startup: ["db", "demo", "schema", "worker"],
  // Adapters: HTTP without Next, the screens' read models, sign-in, and the Next.js adapter.
  http: ["audit", "authorize", "db", "decisions", "errors", "keys", "usage"],
  dashboard: [
    "alerts",
    "authorize",
    "billing",
    "catalog",
    "db",
    "decisions",
    "format",
    "forms",
    "http",
    "money",
    "tenants",
    "time",
  ],
  auth: ["authorize", "db", "http", "ratelimit"],
  // The API's operations and the OpenAPI document: the routes' schemas, gathered from the domain.
  api: [
    "alerts",
    "billing",
    "catalog",
    "dashboard",
    "decisions",
    "errors",
    "http",
    "keys",
    "ledger",
    "plans",
    "tenants",
    "usage",
    "validation",
  ],
  web: ["audit", "auth", "authorize", "db", "errors", "forms", "http"],
};
const ANYWHERE = ["env", "generated"];

function assertAcyclic(graph) {
  const state = new Map();
  const visit = (node, path) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      throw new Error(`eslint.config.mjs: LIB_LAYERS has a cycle: ${[...path, node].join(" → ")}`);
    }
    state.set(node, "open");
    for (const dep of graph[node] ?? []) {
      if (!(dep in graph))
        throw new Error(`eslint.config.mjs: LIB_LAYERS.${node} names unknown folder ${dep}`);
      visit(dep, [...path, node]);
    }
    state.set(node, "done");
  };
  for (const node of Object.keys(graph)) visit(node, []);
}
assertAcyclic(LIB_LAYERS);

const folderImports = (folder) => [`@/lib/${folder}`, `@/lib/${folder}/**`];

// Only lib/web/ adapts lib/ to Next.js and React; lib/ never reaches up into routes, components,
// tests' support code or scripts.
const OUTSIDE_LIB = [
  {
    group: ["next", "next/**", "react", "react/**", "react-dom", "react-dom/**"],
    message: "Only lib/web/ adapts lib/ to Next.js and React.",
  },
  { group: ["@/app/**", "@/components/**"], message: "lib/ never imports routes or components." },
  {
    group: ["@/test/**", "@/scripts/**"],
    message: "Runtime code never imports tests' support code or scripts.",
  },
];

const libRules = Object.entries(LIB_LAYERS).map(([folder, deps]) => {
  const allowed = new Set([folder, ...deps, ...ANYWHERE]);
  const forbidden = Object.keys(LIB_LAYERS).filter((f) => !allowed.has(f));
  return {
    files: [`lib/${folder}/**/*.{ts,tsx}`, ...(folder === "db" ? ["lib/db.ts"] : [])],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...(folder === "web" ? OUTSIDE_LIB.slice(1) : OUTSIDE_LIB),
            ...forbidden.map((f) => ({
              group: folderImports(f),
              message: `lib/${folder} may not import lib/${f}: see LIB_LAYERS in eslint.config.mjs.`,
            })),
          ],
        },
      ],
    },
  };
});

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "sdk/dist/**",
      "sdk/src/schema.ts",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // No import cycles anywhere, between files as well as between folders (LIB_LAYERS).
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  ...libRules,
  {
    // The client package stands alone: it ships without the app, so it imports nothing of it.
    files: ["sdk/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/**", "../**", "zod", "next", "next/**"],
              message:
                "sdk/src is the @tollgate/client package: no imports from the app or its dependencies.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components render; loaders in lib/ load and pass plain props.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      // typescript-eslint's version of the rule, for allowTypeImports: a row type is not a query.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/**", "pg", "@prisma/**", "@/lib/generated/prisma/client"],
              message: "Components never reach the database: a loader in lib/ reads, the page passes props.",
            },
            {
              group: ["@/lib/*/queries", "@/lib/*/load-*", "@/lib/**/queries", "@/lib/**/load-*"],
              allowTypeImports: true,
              message: "Components never call loaders or queries: the page does, and passes props.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
