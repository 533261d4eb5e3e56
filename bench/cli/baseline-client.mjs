// The cheapest client the machine can run: node:http with keep-alive, no parsing, no files.
// apply.bench.mjs runs it against the same server right after the CLI, so the CLI's throughput
// can be read against what this machine allowed at that moment. Prints rows/s on stdout.
import http from "node:http";

const [origin, rowsArg, concurrencyArg] = process.argv.slice(2);
const ROWS = Number(rowsArg);
const agent = new http.Agent({ keepAlive: true });
const body = JSON.stringify({ inbound_agents: [{ agent_id: "agent_bench", weight: 1 }] });
let next = 0;
function one(i) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}/update-phone-number/+1415${String(i).padStart(7, "0")}`,
      {
        method: "PATCH",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", resolve);
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(concurrencyArg) }, async () => {
    while (next < ROWS) await one(next++);
  }),
);
process.stdout.write(`${(ROWS / ((performance.now() - started) / 1000)).toFixed(1)}\n`);
process.exit(0);
