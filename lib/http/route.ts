// The one wrapper of every API route handler (dub's withWorkspace, kept small): it resolves the
// caller with the route's auth strategy, then parses the path params, the query and the JSON body
// with its operation's zod schemas (lib/http/operation.ts: the same ones the OpenAPI document is
// generated from), hands the handler one context object, and turns whatever is thrown into problem
// details (lib/errors/problem.ts) — so no handler authenticates, parses or catches.
// Order is load-bearing: auth first, so a bad key or token never costs a body read.
// Nothing here imports Next: the decision API's routes also run under plain Node (lib/web/server).
import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { problemResponse, toProblem } from "@/lib/errors/problem";
import type { Operation } from "@/lib/http/operation";
import { readJson } from "@/lib/http/read-json";

/** Resolves the caller of a request, or throws the AppError that refuses it (401, 403, 404). */
export type Auth<A> = (req: Request) => A | Promise<A>;

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<A, R, P extends Schema, Q extends Schema, B extends Schema> = {
  /**
   * What the route is: its schemas (params, query, body) are parsed here — the path's [segments]
   * (a mismatch is a 422; a schema may throw its own AppError, e.g. 404), the search params as a
   * flat object of strings, and a JSON body (415 not JSON, 413 over `maxBodyBytes` (1 MB), 400
   * unparsable, 422 invalid).
   */
  operation: Operation<P, Q, B>;
  auth: Auth<A>;
  /**
   * What must hold before the request is read (Stripe configured, demo only): checked after auth,
   * so a caller who may not use the route learns nothing, and before the body, so "not available
   * here" is not hidden behind a validation error. Its value is the handler's `ready`.
   */
  requires?: () => R;
  maxBodyBytes?: number;
};

export type RouteContext<A, R, P extends Schema, Q extends Schema, B extends Schema> = {
  req: Request;
  auth: A;
  ready: R;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

/**
 * A Next.js route handler (what app/api/**\/route.ts exports), also served by lib/web/server. It
 * carries its operation so the tests can hold every route to the document.
 */
export type RouteHandler = ((
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>) & { operation?: Operation };

export function route<
  A,
  R = undefined,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(
  spec: RouteSpec<A, R, P, Q, B>,
  handler: (ctx: RouteContext<A, R, P, Q, B>) => Promise<Response>,
): RouteHandler {
  const { operation } = spec;
  const handle: RouteHandler = async (req, ctx) => {
    try {
      const auth = await spec.auth(req);
      const ready = spec.requires?.();
      const params = operation.params?.parse(await ctx?.params);
      const query = operation.query?.parse(Object.fromEntries(new URL(req.url).searchParams));
      const body = operation.body && (await readJson(req, operation.body, spec.maxBodyBytes));
      return await handler({ req, auth, ready, params, query, body } as RouteContext<A, R, P, Q, B>);
    } catch (error) {
      const problem = toProblem(error);
      // An AppError is an answer (a 503 included); anything else that ends in a 500 is a bug to log.
      if (problem.status >= 500 && !(error instanceof AppError))
        console.error(`${req.method} ${new URL(req.url).pathname} failed:`, error);
      return problemResponse(problem);
    }
  };
  return Object.assign(handle, { operation: operation as Operation });
}
