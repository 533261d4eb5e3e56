/**
 * Secrets on the CLI side (docs/CONTRACT.md#secrets): the real binary, driven with recognisable
 * fake secrets (all holding "PBSECRET") through every way a secret can enter (the vendor env vars,
 * `--api-key` for all or per provider, `--vendor-json` passthrough secrets) against a local server
 * that plays the five vendors and echoes every secret back, in successes and in errors of every
 * shape. No secret may appear in stdout or stderr (tables, `--json`, `--dry-run`, progress and
 * error lines) or in a results file, while the secrets did reach the server (so the test means
 * something).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secrets } from "../src/secrets.js";
import { cleanEnv, jsonLines, localServer, type RunResult, run, type SeenRequest, tempDir } from "./helpers.js";

const MARK = "PBSECRET";
const KEYS = {
  retell: `sk_live_${MARK}_retell_key_0001`,
  cartesia: `sk_car_${MARK}_cartesia_key_0002`,
  verbex: `vbx_${MARK}_verbex_key_0003`,
  vogent: `elto_${MARK}_vogent_key_0004`,
  cald: `cald_${MARK}_cald_key_0005`,
};
/** A key given with `--api-key` for every provider at once. */
const SHARED_KEY = `sk_live_${MARK}_shared_key_0006`;
const AUTH_PASSWORD = `retell_${MARK}_auth_password`;
const SIP_PASSWORD = `verbex_${MARK}_sip_trunk_password`;
const TWILIO_TOKEN = `verbex_${MARK}_twilio_auth_token`;
const RESPONSE_TWILIO = `resp_${MARK}_twilio_auth_token`;
const RESPONSE_SIP = `resp_${MARK}_sip_trunk_password`;

type Vendor = keyof typeof KEYS;
const VENDORS = Object.keys(KEYS) as Vendor[];

/** The vendor and the id of a request, from its path. */
function route(url: string): { vendor: Vendor; id: string } {
  const rules: Array<[RegExp, Vendor]> = [
    [/^\/update-phone-number\/([^/?]+)/, "retell"],
    [/^\/agents\/phone-numbers\/([^/?]+)/, "cartesia"],
    [/^\/v1\/phone-numbers\/([^/?]+)/, "verbex"],
    [/^\/phone_numbers\/([^/?]+)/, "vogent"],
    [/^\/phonenumbers\/([^/?]+)/, "cald"],
  ];
  for (const [pattern, vendor] of rules) {
    const match = pattern.exec(url);
    if (match) return { vendor, id: decodeURIComponent(match[1] as string) };
  }
  throw new Error(`no vendor for ${url}`);
}

/** A valid 200 body per vendor, echoing whatever it was sent and its own secrets. */
function okBody(vendor: Vendor, id: string, echo: Record<string, unknown>): Record<string, unknown> {
  const bodies: Record<Vendor, Record<string, unknown>> = {
    retell: { phone_number: id, phone_number_type: "custom", last_modification_timestamp: 1 },
    cartesia: {
      id,
      number: "+14155551234",
      label: null,
      agent: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      provider: { type: "cartesia" },
    },
    verbex: {
      phone_number: "+14155551234",
      twilio_auth_token: RESPONSE_TWILIO,
      sip_trunk_password: RESPONSE_SIP,
      history: [{ sip_trunk_password: RESPONSE_SIP }],
    },
    vogent: { id, number: "+14155551234", type: "PSTN", agentId: null },
    cald: { phoneNumberId: id, phoneNumber: "+14155551234" },
  };
  return { ...bodies[vendor], ...echo };
}

/**
 * Answers by the id's last part: `ok` 200, `e400` {status,message}, `e401` plain text, `e422`
 * FastAPI with the input echoed, `e429` (always), `e500` with the request echoed. Every answer
 * echoes the Authorization header and the passthrough secrets that came with the request.
 */
function answer(request: SeenRequest, response: ServerResponse): void {
  const { vendor, id } = route(request.url);
  const authorization = String(request.headers.authorization ?? "");
  const sent = (typeof request.body === "object" && request.body !== null ? request.body : {}) as Record<
    string,
    unknown
  >;
  const secretsSent = [sent.auth_password, sent.sip_trunk_password, sent.twilio_auth_token].filter(
    (value): value is string => typeof value === "string",
  );
  const echo: Record<string, unknown> = {
    authorization,
    note: `called with ${authorization} and ${secretsSent.join(", ")}`,
  };
  for (const field of ["auth_password", "sip_trunk_password", "twilio_auth_token"]) {
    if (sent[field] !== undefined) echo[field] = sent[field];
  }
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
  const kind = vendor === "retell" ? kindOfNumber(id) : (/(ok|e\d{3}|d200|d400|cut)$/.exec(id)?.[1] ?? "ok");
  const key = authorization.replace(/^Bearer /, "");
  const echoed = [key, ...secretsSent];
  switch (kind) {
    case "d200":
    case "d400": {
      // Every secret echoed in disguise: escaped, and as property names.
      const body: Record<string, unknown> = kind === "d200" ? okBody(vendor, id, {}) : { message: `bad @@0@@` };
      const label = { retell: "nickname", cartesia: "label", verbex: "friendly_name" }[vendor as string];
      if (label !== undefined) body[label] = "@@0@@";
      echoed.forEach((_, i) => {
        body[`note_${i}`] = `you sent @@${i}@@`;
        body[`@@${i}@@`] = "a secret as a name";
        body[`nested_${i}`] = [{ [`x @@${i}@@ y`]: `@@${i}@@` }];
      });
      response.writeHead(kind === "d200" ? 200 : 400, { "content-type": "application/json" });
      response.end(JSON.stringify(body).replace(/@@(\d+)@@/g, (_, i: string) => disguised(echoed[Number(i)] ?? "")));
      return;
    }
    case "cut": {
      // The last secret sent, three characters of it before the 500-character cut of a vendor message.
      json(400, { message: `${"x".repeat(497)}${echoed.at(-1) ?? ""} and more` });
      return;
    }
    case "e400":
      json(400, {
        status: "error",
        message: `bad request from ${authorization} (${secretsSent.join(" ")})`,
        ...echo,
      });
      return;
    case "e401":
      response.writeHead(401, { "content-type": "text/plain" });
      response.end(`Unauthorized: ${authorization}`);
      return;
    case "e422":
      json(422, {
        detail: [
          { loc: ["header", "authorization"], msg: `invalid ${authorization}`, input: authorization },
          ...secretsSent.map((value) => ({ loc: ["body", "password"], msg: `weak: ${value}`, input: value })),
        ],
      });
      return;
    case "e429":
      json(429, { message: `slow down ${authorization}` }, { "retry-after-ms": "1" });
      return;
    case "e500":
      json(500, { error: authorization, request: sent, ...echo }, { "retry-after-ms": "1" });
      return;
    default:
      json(200, okBody(vendor, id, echo));
      return;
  }
}

/** Retell ids are E.164: the last digit picks the answer (0 ok, 1 e400, 2 e401, 3 e422, 4 e429, 5 e500). */
function kindOfNumber(id: string): string {
  return ["ok", "e400", "e401", "e422", "e429", "e500", "d200", "d400", "cut"][Number(id.at(-1))] ?? "ok";
}

/** `secret` as a vendor's JSON encoder may write it: `\u`-escaped letters, `\/`. */
function disguised(secret: string): string {
  return [...secret]
    .map((c, i) => (c === "/" ? "\\/" : i % 2 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c))
    .join("");
}

/** `text` with JSON `\u` escapes and `\/` undone: what a reader of the output could decode. */
function revealed(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\\//g, "/");
}
const RETELL = (kind: number) => `+1415555000${kind}`;

let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer(answer);
});
afterAll(() => server.close());

/** Each vendor's key in its env var, each base URL through the env too. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vars: Record<string, string> = {};
  for (const vendor of VENDORS) {
    vars[`${vendor.toUpperCase()}_API_KEY`] = KEYS[vendor];
    vars[`${vendor.toUpperCase()}_BASE_URL`] = server.url;
  }
  return cleanEnv({ ...vars, ...extra });
}

const FAST = ["--max-retries", "1", "--timeout", "5000"];

/** Every secret, for the check that no head of one is left before a cut. */
const ALL_SECRETS = [...Object.values(KEYS), SHARED_KEY, AUTH_PASSWORD, SIP_PASSWORD, TWILIO_TOKEN];

function expectClean(result: RunResult, ...files: string[]): void {
  for (const text of [result.stdout, result.stderr, ...files.map((file) => readFileSync(file, "utf8"))]) {
    expect(text).not.toContain(MARK);
    expect(revealed(text)).not.toContain(MARK);
    for (const secret of ALL_SECRETS) expect(text).not.toContain(`x${secret.slice(0, 3)}`);
  }
}

/** The requests since `from` carried the secrets: the test is only worth something if they did. */
function expectSent(from: number, ...secrets: string[]): void {
  const seen = JSON.stringify(server.requests.slice(from));
  for (const secret of secrets) expect(seen).toContain(secret);
}

describe("phonebridge update", () => {
  const passthrough = {
    retell: JSON.stringify({ auth_password: AUTH_PASSWORD, auth_username: "user_1" }),
    verbex: JSON.stringify({ sip_trunk_password: SIP_PASSWORD, twilio_auth_token: TWILIO_TOKEN }),
  };
  const cases: Array<[name: string, args: string[], secrets: string[]]> = [];
  for (const [kind, name] of ["ok", "e400", "e401", "e422", "e429", "e500"].entries()) {
    cases.push([
      `retell ${name} with auth_password`,
      ["retell", RETELL(kind), "--agent", "a", "--vendor-json", passthrough.retell],
      [KEYS.retell, AUTH_PASSWORD],
    ]);
    cases.push([
      `verbex ${name} with sip_trunk_password and twilio_auth_token`,
      ["verbex", `pn_${name}`, "--label", "x", "--vendor-json", passthrough.verbex],
      [KEYS.verbex, SIP_PASSWORD, TWILIO_TOKEN],
    ]);
    for (const vendor of ["cartesia", "vogent", "cald"] as const) {
      cases.push([`${vendor} ${name}`, [vendor, `pn_${name}`, "--agent", "a"], [KEYS[vendor]]]);
    }
  }

  it.each(cases)("%s: table, --json and --dry-run (also --json) show no secret", async (_name, args, secrets) => {
    for (const mode of [[], ["--json"], ["--dry-run"], ["--dry-run", "--json"]]) {
      const from = server.requests.length;
      const result = await run(["update", ...args, ...FAST, ...mode], { env: env() });
      expect(result.code, result.stderr).not.toBe(2);
      expectClean(result);
      if (mode.includes("--dry-run")) {
        expect(server.requests.length).toBe(from);
        expect(result.stdout).toContain("[redacted]");
      } else {
        expectSent(from, ...secrets);
      }
    }
  });

  const disguises: Array<[name: string, args: string[], secrets: string[]]> = [];
  for (const [digit, name] of [
    [6, "d200"],
    [7, "d400"],
    [8, "cut"],
  ] as const) {
    disguises.push([
      `retell ${name} with auth_password`,
      ["retell", RETELL(digit), "--agent", "a", "--vendor-json", passthrough.retell],
      [KEYS.retell, AUTH_PASSWORD],
    ]);
    disguises.push([
      `verbex ${name} with sip_trunk_password and twilio_auth_token`,
      ["verbex", `pn_${name}`, "--label", "x", "--vendor-json", passthrough.verbex],
      [KEYS.verbex, SIP_PASSWORD, TWILIO_TOKEN],
    ]);
    for (const vendor of ["cartesia", "vogent", "cald"] as const) {
      disguises.push([`${vendor} ${name}`, [vendor, `pn_${name}`, "--agent", "a"], [KEYS[vendor]]]);
    }
  }

  it.each(disguises)(
    "%s: secrets echoed escaped, as names or across a cut show nowhere",
    async (_name, args, secrets) => {
      for (const mode of [[], ["--json"]]) {
        const from = server.requests.length;
        const result = await run(["update", ...args, ...FAST, ...mode], { env: env() });
        expect(result.code, result.stderr).not.toBe(2);
        expectClean(result);
        expectSent(from, ...secrets);
      }
    },
  );

  it("Verbex's own response secrets: replaced in --json's raw, the rest of it kept", async () => {
    // Secrets Verbex sends back of its own (vendor.yaml's secrets.response), never sent by the call:
    // only the field names can tell them, not a value the run knows.
    const updated = await run(["update", "verbex", "pn_ok", "--agent", "a", "--json", ...FAST], { env: env() });
    expect(updated.code, updated.stderr).toBe(0);
    const [line, ...more] = jsonLines(updated.stdout);
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({ provider: "verbex", id: "pn_ok", number: "+14155551234" });
    expect(line?.raw).toEqual({
      phone_number: "+14155551234",
      twilio_auth_token: "[redacted]",
      sip_trunk_password: "[redacted]",
      history: [{ sip_trunk_password: "[redacted]" }],
      authorization: "[redacted]",
      note: "called with Bearer [redacted] and ",
    });

    expect(updated.stdout).not.toContain(RESPONSE_TWILIO);
    expect(updated.stdout).not.toContain(RESPONSE_SIP);
  });

  it("--api-key (for all and per provider) instead of the env vars", async () => {
    const from = server.requests.length;
    const result = await run(
      [
        "update",
        "verbex",
        "pn_e400",
        "--agent",
        "a",
        "--api-key",
        SHARED_KEY,
        "--api-key",
        `cald=${KEYS.cald}`,
        "--base-url",
        server.url,
        "--json",
        ...FAST,
      ],
      { env: cleanEnv() },
    );
    expect(result.code).toBe(1);
    expectSent(from, SHARED_KEY);
    expectClean(result);
  });

  it("usage and input errors that could quote a secret", async () => {
    const attempts: string[][] = [
      // The key passed as the id (arguments swapped): refused, not quoted.
      ["update", "cartesia", `${KEYS.cartesia}/x`, "--agent", "a"],
      ["update", "retell", KEYS.retell, "--agent", "a"],
      // A flag that takes no value, given one that holds a key.
      ["update", "retell", RETELL(0), `--unassign=${KEYS.retell}`],
      // An unknown flag with a key as its value.
      ["update", "retell", RETELL(0), "--agent", "a", `--token=${KEYS.retell}`],
      // Bad JSON that holds a secret.
      ["update", "verbex", "pn_ok", "--vendor-json", `{"sip_trunk_password": "${SIP_PASSWORD}"`],
      // A conflict with a secret riding along.
      [
        "update",
        "retell",
        RETELL(0),
        "--agent",
        "a",
        "--vendor-json",
        JSON.stringify({ inbound_agents: [{ agent_id: "b", weight: 1 }], auth_password: AUTH_PASSWORD }),
      ],
      // A base URL that carries credentials.
      ["update", "cald", "pn_ok", "--agent", "a", "--base-url", `cald=http://user:${KEYS.cald}@127.0.0.1:9`],
      ["update", "cald", "pn_ok", "--agent", "a", "--api-key", `cald=${KEYS.cald}\n`],
    ];
    const from = server.requests.length;
    for (const args of attempts) {
      const result = await run([...args, ...FAST], { env: env() });
      expect(result.code, args.join(" ")).not.toBe(0);
      expectClean(result);
    }
    expect(server.requests.length).toBe(from);
  });

  it("connection and timeout errors", async () => {
    const closed = await localServer(() => {});
    await closed.close();
    const refused = await run(["update", "cald", "pn_ok", "--agent", "a", "--base-url", closed.url, ...FAST], {
      env: env(),
    });
    expect(refused.code).toBe(1);
    expectClean(refused);
    const hang = await localServer(() => {});
    try {
      const timedOut = await run(
        [
          "update",
          "retell",
          RETELL(0),
          "--agent",
          "a",
          "--base-url",
          hang.url,
          "--timeout",
          "50",
          "--max-retries",
          "0",
        ],
        { env: env() },
      );
      expect(timedOut.code).toBe(1);
      expect(timedOut.stderr).toContain("timeout");
      expectClean(timedOut);
    } finally {
      await hang.close();
    }
  });
});

describe("phonebridge apply", () => {
  /** Every vendor, every answer: rows that succeed, fail, and are bad. */
  function rows(): string {
    const lines = ["provider,id,agent,label"];
    for (const [kind, name] of ["ok", "e400", "e401", "e422", "e429", "e500"].entries()) {
      lines.push(`retell,${RETELL(kind)},a,${name}`);
      lines.push(`verbex,pn_${name},a,${name}`);
      for (const vendor of ["cartesia", "vogent", "cald"]) lines.push(`${vendor},pn_${name},a,`);
    }
    // Bad rows: the key as an id, a key as the provider, an unsupported change (on a number of
    // its own: a number in two rows refuses the file).
    lines.push(`retell,${KEYS.retell},a,`);
    lines.push(`${KEYS.cald},pn_ok,a,`);
    lines.push("cald,pn_label_ok,a,a label Cald cannot take");
    return `${lines.join("\n")}\n`;
  }

  it.each([
    ["plain lines", []],
    ["--json", ["--json"]],
    ["--table", ["--table"]],
  ])("%s: stdout, stderr and the results file hold no secret", async (_name, mode) => {
    const dir = tempDir();
    const file = join(dir, "rows.csv");
    writeFileSync(file, rows());
    const from = server.requests.length;
    const result = await run(["apply", file, "--concurrency", "4", ...FAST, ...mode], { env: env() });
    expect(result.code).toBe(1);
    const results = `${file}.results.jsonl`;
    const lines = readFileSync(results, "utf8").trim().split("\n");
    expect(lines).toHaveLength(rows().trim().split("\n").length - 1);
    expect(lines.some((line) => JSON.parse(line).ok === true)).toBe(true);
    expectSent(from, ...VENDORS.map((vendor) => KEYS[vendor]));
    expectClean(result, results);
  });

  it("--dry-run (plain and --json) prints every request with the secrets redacted", async () => {
    const dir = tempDir();
    const file = join(dir, "rows.csv");
    writeFileSync(file, rows());
    const from = server.requests.length;
    for (const mode of [[], ["--json"]]) {
      const result = await run(["apply", file, "--dry-run", ...mode], { env: env() });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("[redacted]");
      expectClean(result);
    }
    expect(server.requests.length).toBe(from);
  });

  it("keys from --api-key per provider, JSONL input, --resume after failures", async () => {
    const dir = tempDir();
    const file = join(dir, "rows.jsonl");
    writeFileSync(
      file,
      [
        { provider: "verbex", id: "pn_ok", label: "x" },
        { provider: "verbex", id: "pn_e500", label: "x" },
        { provider: "retell", id: RETELL(3), agent: "a" },
        { provider: "cald", id: "pn_e401", agent: null },
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    );
    const flags = [
      "--api-key",
      `verbex=${KEYS.verbex}`,
      "--api-key",
      `retell=${KEYS.retell}`,
      "--api-key",
      `cald=${KEYS.cald}`,
      // A base URL without a provider would go to all three: one per provider.
      ...["verbex", "retell", "cald"].flatMap((vendor) => ["--base-url", `${vendor}=${server.url}`]),
      ...FAST,
    ];
    const first = await run(["apply", file, ...flags], { env: cleanEnv() });
    expect(first.code).toBe(1);
    const resumed = await run(["apply", file, "--resume", "--json", ...flags], { env: cleanEnv() });
    expect(resumed.code).toBe(1);
    expectClean(first, `${file}.results.jsonl`);
    expectClean(resumed);
  });
});

describe("Secrets (the CLI's one place for what it prints)", () => {
  const key = `sk_"live"\\${MARK}/key_0007`;
  const secrets = new Secrets({ RETELL_API_KEY: key });

  it('finds a key in the JSON this CLI prints, where " and \\ are escaped', () => {
    const printed = JSON.stringify({ message: `bad ${key}`, [key]: 1 });
    expect(printed).not.toContain(key);
    expect(secrets.text(printed)).not.toContain(MARK);
  });

  it("redacts a key used as a property name, and escaped in a string", () => {
    const value = secrets.value({ [key]: { [`x ${key}`]: 1 }, note: JSON.stringify(key) });
    expect(value).toEqual({ "[redacted]": { "x [redacted]": 1 }, note: '"[redacted]"' });
  });

  it("shows every credential header redacted whole", () => {
    expect(secrets.headers({ Cookie: "a=b", "X-Api-Key": "other", accept: `x ${key}` })).toEqual({
      Cookie: "[redacted]",
      "X-Api-Key": "[redacted]",
      accept: "x [redacted]",
    });
  });
});
