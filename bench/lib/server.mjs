// The loopback server of the per-call benchmark, run as a child process so that its CPU is not
// counted as the client's. It answers every update with the vendor's 200 body (routed by path
// prefix), after reading the request body. Listens on 127.0.0.1 only; tells its port over IPC.
import { createServer } from "node:http";
import { loadFixtures } from "./fixtures.mjs";

const VENDORS = await loadFixtures();

const routes = Object.values(VENDORS).map((vendor) => {
  const body = Buffer.from(JSON.stringify(vendor.response));
  return {
    route: vendor.route,
    body,
    headers: { "content-type": "application/json", "content-length": String(body.length) },
  };
});
const notFound = Buffer.from('{"message":"no such route"}');

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  req.on("data", () => {});
  req.on("end", () => {
    const url = req.url ?? "";
    const hit = routes.find((r) => url.startsWith(r.route));
    if (hit === undefined) {
      res.writeHead(404, { "content-type": "application/json", "content-length": String(notFound.length) });
      res.end(notFound);
      return;
    }
    res.writeHead(200, hit.headers);
    res.end(hit.body);
  });
});
server.keepAliveTimeout = 30_000;

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});

process.on("message", (message) => {
  if (message === "stats") process.send?.({ requests, cpu: process.cpuUsage() });
  if (message === "stop") server.close(() => process.exit(0));
});
process.on("disconnect", () => process.exit(0));
// Bounded: never outlive a run by more than 20 minutes.
setTimeout(() => process.exit(0), 20 * 60_000).unref();
