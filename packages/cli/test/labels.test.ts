/**
 * The label limit through the CLI (docs/CONTRACT.md#facade-updateid-changes-options): no vendor's
 * spec declares a maxLength on its label field, so phonebridge's own 255 holds, counted in
 * characters (code points). 255 emoji (510 UTF-16 units) go whole; 256 are refused before
 * anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, jsonLines, localServer, retellBody, run } from "./helpers.js";

/** Each vendor that takes a label: an id, the field its label goes to, a 200 body echoing it. */
const LABELLED = {
  retell: {
    id: "+14155550100",
    field: "nickname",
    body: (id: string, label: unknown) => JSON.parse(retellBody(id, { nickname: label })),
  },
  cartesia: {
    id: "pn_1",
    field: "label",
    body: (id: string, label: unknown) => ({
      id,
      number: "+14155550101",
      label,
      agent: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      provider: { type: "cartesia" },
    }),
  },
  verbex: {
    id: "pn_2",
    field: "friendly_name",
    body: (_id: string, label: unknown) => ({ phone_number: "+14155550102", friendly_name: label }),
  },
} as const;
type Labelled = keyof typeof LABELLED;

let server: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  server = await localServer((request, response) => {
    const vendor = (Object.keys(LABELLED) as Labelled[]).find((v) => request.url.includes(LABELLED[v].id));
    const sent = request.body as Record<string, unknown>;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify(vendor ? LABELLED[vendor].body(LABELLED[vendor].id, sent[LABELLED[vendor].field]) : {}),
    );
  });
});
afterAll(() => server.close());

const update = (vendor: Labelled, label: string) =>
  run(["update", vendor, LABELLED[vendor].id, "--label", label, "--json", "--base-url", server.url], {
    env: cleanEnv({ [`${vendor.toUpperCase()}_API_KEY`]: "key_for_labels_1234" }),
  });

describe.each(Object.keys(LABELLED) as Labelled[])("%s: the label limit", (vendor) => {
  const { field } = LABELLED[vendor];

  it("255 emoji are 255 characters: sent whole", async () => {
    const label = "📞".repeat(255);
    const from = server.requests.length;
    const result = await update(vendor, label);
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.slice(from).map((r) => (r.body as Record<string, unknown>)[field])).toEqual([label]);
    expect(jsonLines(result.stdout)[0]).toMatchObject({ provider: vendor, label });
  });

  it("256 emoji are refused, naming the label, the vendor and the limit; nothing sent (exit 2)", async () => {
    const from = server.requests.length;
    const result = await update(vendor, "📞".repeat(256));
    expect(result.code).toBe(2);
    const [line] = jsonLines(result.stdout);
    expect(line).toMatchObject({ provider: vendor, error: { code: "invalid_input", field: "label", attempts: 0 } });
    expect(String((line?.error as { message?: unknown })?.message)).toMatch(/label .* must be 1 to 255 characters/);
    expect(server.requests.length).toBe(from);
  });
});
