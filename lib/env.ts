// Every environment variable Tollgate reads, validated once with zod. A missing or malformed one
// stops start-up with one readable line naming it and how to set it (see .env.example).
import { z } from "zod";

const boolFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface `npm start` listens on. */
  TOLLGATE_HOST: z.string().min(1).default("0.0.0.0"),
  /** Public base URL, used in links sent to tenants (remedies, alert messages). */
  APP_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Set by `npm start` when it runs the embedded database with demo data. */
  TOLLGATE_DEMO: boolFlag,
  TOLLGATE_DATA_DIR: z.string().min(1).default(".data"),
  TOLLGATE_ADMIN_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  /** Connections of the decision hot path's pg pool (per process). */
  TOLLGATE_PG_POOL: z.coerce.number().int().min(1).max(500).default(16),
  /** How long an authorize reservation is held before it is released unused. */
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must start with sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** SMTP server for email alerts, e.g. smtp://user:pass@mail.example.com:587; unset = email channels fail with a clear error. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** From address of alert emails. */
  ALERTS_EMAIL_FROM: z.string().min(3).default("Tollgate <alerts@tollgate.local>"),
  /** Let alert channels post to http:// and private, loopback or link-local addresses (tests, the demo). */
  ALERTS_ALLOW_PRIVATE_URLS: boolFlag,
  /** Delivery attempts before a notification is dead-lettered. */
  ALERTS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** `npm start` runs the job worker in-process unless this is 0 (then run `npm run jobs`). */
  TOLLGATE_WORKER: z.enum(["0", "1"]).default("1"),
  /** Another Stripe API server (stripe-mock, a test's local server); unset = api.stripe.com. */
  STRIPE_API_BASE: z.url().optional(),
});

export type Env = z.infer<typeof schema>;

const HOW_TO_SET: Partial<Record<keyof Env, string>> = {
  DATABASE_URL:
    "e.g. postgresql://postgres@127.0.0.1:5432/tollgate, or unset it to use the embedded database with `npm start`",
  NEXTAUTH_SECRET: "generate one with `openssl rand -base64 32`",
  TOLLGATE_ADMIN_TOKEN: "generate one with `openssl rand -hex 32`",
  APP_URL: "e.g. https://tollgate.example.com",
  NEXTAUTH_URL: "e.g. https://tollgate.example.com",
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

function emptyToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    out[key] = value === undefined || value.trim() === "" ? undefined : value;
  }
  return out;
}

/** Parses an environment; throws EnvError with one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(emptyToUndefined(source));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]) as keyof Env;
      const hint = HOW_TO_SET[name];
      return `${name} ${issue.message}${hint ? ` (${hint})` : ""}. See .env.example.`;
    });
    throw new EnvError(lines.join("\n"));
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.TOLLGATE_DEMO && !env.NEXTAUTH_SECRET) {
    throw new EnvError(
      `NEXTAUTH_SECRET is required in production (${HOW_TO_SET.NEXTAUTH_SECRET}). See .env.example.`,
    );
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new EnvError(`DATABASE_URL is not set (${HOW_TO_SET.DATABASE_URL}). See .env.example.`);
  return url;
}

export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
