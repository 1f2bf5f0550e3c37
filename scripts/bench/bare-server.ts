// The machine's ceiling for comparison: a bare node:http server doing the same single
// conditional balance UPDATE per request that an authorize needs, with a pg pool of 16.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
const tenants = JSON.parse(process.env.BENCH_TENANTS ?? "[]") as string[];
let i = 0;

const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", async () => {
    const tenantId = req.url === "/hot" ? tenants[0] : tenants[i++ % tenants.length];
    try {
      const r = await pool.query(
        `UPDATE "CreditBalance" SET available = available - 1 WHERE "tenantId" = $1 AND available >= 1`,
        [tenantId],
      );
      res
        .writeHead(r.rowCount ? 200 : 402, { "Content-Type": "application/json" })
        .end(r.rowCount ? '{"allowed":true}' : '{"allowed":false}');
    } catch {
      res.writeHead(500).end();
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`listening ${process.env.PORT}`));
