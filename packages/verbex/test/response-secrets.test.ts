/**
 * Verbex's response secrets (docs/CONTRACT.md#secrets): the fields vendor.yaml names under
 * `secrets.response` come back from Verbex of its own, not sent by the call, so only their names
 * tell them. Every error this package keeps a body for shows them as "[redacted]", through the
 * lean transport and the openapi-fetch client alike, at any depth.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createVerbexClient, createVerbexTransport, isPhoneBridgeError, type PhoneBridgeError } from "../src/index.js";

const TOKEN = "resp_VERBEXSECRET_twilio_auth_token";
const PASSWORD = "resp_VERBEXSECRET_sip_trunk_password";

/** An error body of Verbex's that carries its own secrets, beside a field that is not one. */
const ERROR_BODY = {
  message: "the trunk is misconfigured",
  phone_number_id: "pn_123",
  twilio_auth_token: TOKEN,
  sip_trunk_password: PASSWORD,
  trunks: [{ name: "main", sip_trunk_password: PASSWORD, twilio_auth_token: null }],
};

/** A fetch that answers every request with `status` and `body`. */
const answering = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function failure(call: Promise<unknown>): Promise<PhoneBridgeError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isPhoneBridgeError(error)) throw new Error(`expected a PhoneBridgeError, got ${String(error)}`);
  return error;
}

function expectNoSecret(error: PhoneBridgeError): void {
  for (const text of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: null })]) {
    expect(text).not.toContain("VERBEXSECRET");
  }
}

describe.each([400, 422, 500])("a Verbex %i whose body holds its response secrets", (status) => {
  const options = { apiKey: "vbx_key_1234", baseUrl: "http://127.0.0.1:9", fetch: answering(status, ERROR_BODY) };
  const redacted = {
    ...ERROR_BODY,
    twilio_auth_token: "[redacted]",
    sip_trunk_password: "[redacted]",
    trunks: [{ name: "main", sip_trunk_password: "[redacted]", twilio_auth_token: null }],
  };

  it("the transport's error keeps the body with each secret field replaced", async () => {
    const error = await failure(createVerbexTransport(options).update("pn_123", { friendly_name: "Front desk" }));
    expect(error).toMatchObject({ provider: "verbex", status, vendorMessage: "the trunk is misconfigured" });
    expect(error.body).toEqual(redacted);
    expectNoSecret(error);
  });

  it("so does the client's updatePhoneNumber", async () => {
    const client = createVerbexClient(options);
    const error = await failure(client.updatePhoneNumber("pn_123", { friendly_name: "Front desk" }));
    expect(error.body).toEqual(redacted);
    expectNoSecret(error);
  });
});
