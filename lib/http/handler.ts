// The one wrapper every API route handler goes through: it turns whatever the handler throws
// into problem details, so no handler carries its own try/catch.
import { problemResponse, toProblem } from "@/lib/errors/problem";

export function apiRoute<C>(
  handler: (req: Request, ctx: C) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) console.error(`${req.method} ${new URL(req.url).pathname} failed:`, error);
      return problemResponse(problem);
    }
  };
}
