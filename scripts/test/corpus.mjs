// The corpus of spec changes: each a small patch to a real vendor spec (the effective spec:
// document + overlay, as in specs/), with the bump the contract's table gives it and the kind
// of change the differ must name. `base` (optional) is applied to both sides first, to set up a
// starting point the vendor's spec lacks (an enum on a request field, say).

const RETELL = "/update-phone-number/{phone_number}";
const CARTESIA = "/agents/phone-numbers/{id}";
const VERBEX = "/v1/phone-numbers/{phone_number_id}";
const CALD = "/phonenumbers/{phoneNumberId}";
const VOGENT = "/phone_numbers/{id}";

const retellBody = (d) => d.paths[RETELL].patch.requestBody.content["application/json"].schema;
const retellResponse = (d) => d.components.schemas.PhoneNumberResponse;
const cartesiaOp = (d) => d.paths[CARTESIA].patch;
const verbexSchemas = (d) => d.components.schemas;
const caldBody = (d) => d.paths[CALD].patch.requestBody.content["application/json"].schema;
const vogentOp = (d) => d.paths[VOGENT].put;

function renameKey(obj, from, to) {
  const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, Object.fromEntries(entries));
}

/** @type {{ vendor: string, name: string, bump: "major" | "minor" | "patch", kind: string, base?: (doc: object) => void, patch: (doc: object) => void, facade?: boolean }[]} */
export const CORPUS = [
  // ---- fields added / removed / renamed ------------------------------------------------------
  {
    vendor: "retell",
    name: "request field added, optional",
    bump: "minor",
    kind: "field-added-optional",
    patch: (d) => {
      retellBody(d).properties.sms_enabled = { type: "boolean", description: "Allow SMS on the number." };
    },
  },
  {
    vendor: "cartesia",
    name: "request field added, required",
    bump: "major",
    kind: "field-added-required",
    patch: (d) => {
      const s = d.components.schemas.UpdatePhoneNumberBody;
      s.properties.reason = { type: "string" };
      s.required = ["reason"];
    },
  },
  {
    vendor: "retell",
    name: "request field removed",
    bump: "major",
    kind: "field-removed",
    patch: (d) => {
      delete retellBody(d).properties.termination_uri;
    },
  },
  {
    vendor: "retell",
    name: "request field renamed (mapped by the facade)",
    bump: "major",
    kind: "field-renamed",
    facade: true,
    patch: (d) => {
      renameKey(retellBody(d).properties, "nickname", "display_name");
    },
  },
  {
    vendor: "retell",
    name: "response field added, optional",
    bump: "minor",
    kind: "field-added-optional",
    facade: false,
    patch: (d) => {
      retellResponse(d).properties.country_code = { type: "string", example: "US" };
    },
  },
  {
    vendor: "vogent",
    name: "response field added, required (the facade checks required fields)",
    bump: "minor",
    kind: "field-added-required",
    facade: true,
    patch: (d) => {
      const s = d.components.schemas.PhoneNumber;
      s.properties.createdAt = { type: "string" };
      s.required.push("createdAt");
    },
  },
  {
    vendor: "cald",
    name: "response field removed (mapped by the facade)",
    bump: "major",
    kind: "field-removed",
    facade: true,
    patch: (d) => {
      delete d.components.schemas.PhoneNumber.properties.agentId;
    },
  },
  {
    vendor: "retell",
    name: "response field renamed (optional, not mapped)",
    bump: "major",
    kind: "field-renamed",
    facade: false,
    patch: (d) => {
      renameKey(retellResponse(d).properties, "phone_number_pretty", "pretty_number");
    },
  },

  // ---- types -----------------------------------------------------------------------------------
  {
    vendor: "retell",
    name: "type narrowed in a schema shared by request and response (number to integer)",
    bump: "major",
    kind: "type-narrowed",
    patch: (d) => {
      d.components.schemas.AgentWeight.properties.weight.type = "integer";
    },
  },
  {
    vendor: "retell",
    name: "response type widened (integer to number)",
    bump: "major",
    kind: "type-widened",
    patch: (d) => {
      retellResponse(d).properties.area_code.type = "number";
    },
  },
  {
    vendor: "verbex",
    name: "request type widened (union member added)",
    bump: "minor",
    kind: "union-member-added",
    patch: (d) => {
      verbexSchemas(d).UpdatePiaPhoneNumberRequest.properties.inbound_agent_id.anyOf.splice(1, 0, { type: "integer" });
    },
  },
  {
    vendor: "cartesia",
    name: "request type changed to an unrelated type (string to integer)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.properties.label.type = "integer";
    },
  },
  {
    vendor: "cald",
    name: "response type changed to an unrelated type (number to string)",
    bump: "major",
    kind: "type-changed",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.price.type = "string";
    },
  },

  // ---- enums -----------------------------------------------------------------------------------
  {
    vendor: "retell",
    name: "request enum value added",
    bump: "minor",
    kind: "enum-value-added",
    base: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "UDP"];
    },
    patch: (d) => {
      retellBody(d).properties.transport.enum.push("TLS");
    },
  },
  {
    vendor: "retell",
    name: "request enum value removed",
    bump: "major",
    kind: "enum-value-removed",
    base: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "UDP", "TLS"];
    },
    patch: (d) => {
      retellBody(d).properties.transport.enum = ["TCP", "TLS"];
    },
  },
  {
    vendor: "retell",
    name: "response enum value added",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum.push("retell-plivo");
    },
  },
  {
    vendor: "retell",
    name: "response enum value removed",
    bump: "minor",
    kind: "enum-value-removed",
    patch: (d) => {
      retellResponse(d).properties.phone_number_type.enum = ["retell-twilio", "retell-telnyx"];
    },
  },
  {
    vendor: "cartesia",
    name: "response enum value added behind a $ref (TelephonyRegion)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.TelephonyRegion.enum.push("jp1");
    },
  },
  {
    vendor: "vogent",
    name: "response enum value added (type)",
    bump: "major",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.schemas.PhoneNumber.properties.type.enum.push("WEBRTC");
    },
  },

  // ---- required --------------------------------------------------------------------------------
  {
    vendor: "cartesia",
    name: "request field newly required",
    bump: "major",
    kind: "field-newly-required",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.required = ["label"];
    },
  },
  {
    vendor: "cartesia",
    name: "request field no longer required (provider.id)",
    bump: "minor",
    kind: "field-no-longer-required",
    patch: (d) => {
      delete d.components.schemas.UpdatePhoneNumberBody.properties.provider.required;
    },
  },
  {
    vendor: "retell",
    name: "response field newly required",
    bump: "minor",
    kind: "field-newly-required",
    facade: true,
    patch: (d) => {
      retellResponse(d).required.push("nickname");
    },
  },
  {
    vendor: "retell",
    name: "response field no longer required",
    bump: "major",
    kind: "field-no-longer-required",
    patch: (d) => {
      retellResponse(d).required = retellResponse(d).required.filter((f) => f !== "last_modification_timestamp");
    },
  },

  // ---- nullable --------------------------------------------------------------------------------
  {
    vendor: "cartesia",
    name: "request nullable added (label)",
    bump: "minor",
    kind: "nullable-added",
    facade: true,
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberBody.properties.label.nullable = true;
    },
  },
  {
    vendor: "retell",
    name: "request nullable removed (3.0 nullable)",
    bump: "major",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      delete retellBody(d).properties.nickname.nullable;
    },
  },
  {
    vendor: "verbex",
    name: "request nullable removed (3.1 anyOf with null)",
    bump: "major",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      const p = verbexSchemas(d).UpdateSIPPhoneNumberRequest.properties;
      p.inbound_agent_id = { type: "string", title: "Inbound Agent Id" };
    },
  },
  {
    vendor: "retell",
    name: "response nullable added",
    bump: "major",
    kind: "nullable-added",
    patch: (d) => {
      retellResponse(d).properties.area_code.nullable = true;
    },
  },
  {
    vendor: "verbex",
    name: "response nullable removed (3.1)",
    bump: "minor",
    kind: "nullable-removed",
    facade: true,
    patch: (d) => {
      verbexSchemas(d).GetPiaPhoneNumberResponse.properties.friendly_name = { type: "string", title: "Friendly Name" };
    },
  },

  // ---- operations, methods, paths --------------------------------------------------------------
  {
    vendor: "retell",
    name: "operation added",
    bump: "minor",
    kind: "operation-added",
    patch: (d) => {
      d.paths["/get-phone-number/{phone_number}"] = {
        get: {
          operationId: "getPhoneNumber",
          parameters: [{ in: "path", name: "phone_number", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/PhoneNumberResponse" } } },
            },
          },
        },
      };
    },
  },
  {
    vendor: "verbex",
    name: "operation removed",
    bump: "major",
    kind: "operation-removed",
    patch: (d) => {
      d.paths["/v1/phone-numbers"] = { get: { operationId: "list", responses: { 200: { description: "ok" } } } };
      delete d.paths[VERBEX];
    },
  },
  {
    vendor: "retell",
    name: "method changed (PATCH to PUT, same operationId)",
    bump: "major",
    kind: "operation-moved",
    patch: (d) => {
      d.paths[RETELL].put = d.paths[RETELL].patch;
      delete d.paths[RETELL].patch;
    },
  },
  {
    vendor: "cald",
    name: "method changed without an operationId (PATCH to PUT)",
    bump: "major",
    kind: "operation-removed",
    patch: (d) => {
      d.paths[CALD].put = d.paths[CALD].patch;
      delete d.paths[CALD].patch;
    },
  },
  {
    vendor: "retell",
    name: "path changed (same operationId)",
    bump: "major",
    kind: "operation-moved",
    patch: (d) => {
      d.paths["/v2/update-phone-number/{phone_number}"] = d.paths[RETELL];
      delete d.paths[RETELL];
    },
  },
  {
    vendor: "retell",
    name: "path parameter renamed",
    bump: "major",
    kind: "path-parameter-renamed",
    patch: (d) => {
      const op = d.paths[RETELL];
      op.patch.parameters[0].name = "number";
      d.paths["/update-phone-number/{number}"] = op;
      delete d.paths[RETELL];
    },
  },

  // ---- servers ---------------------------------------------------------------------------------
  {
    vendor: "verbex",
    name: "default server URL added",
    bump: "minor",
    kind: "server-added",
    patch: (d) => {
      d.servers = [{ url: "https://api.verbex.ai" }];
    },
  },
  {
    vendor: "cartesia",
    name: "default server URL changed",
    bump: "minor",
    kind: "server-changed",
    patch: (d) => {
      d.servers[0].url = "https://api.cartesia.com";
    },
  },
  {
    vendor: "cald",
    name: "default server URL removed",
    bump: "major",
    kind: "server-removed",
    patch: (d) => {
      d.servers = [];
    },
  },
  {
    vendor: "retell",
    name: "another (non-default) server URL added",
    bump: "patch",
    kind: "other-servers-changed",
    patch: (d) => {
      d.servers.push({ url: "https://api-eu.retellai.com", description: "EU" });
    },
  },

  // ---- auth ------------------------------------------------------------------------------------
  {
    vendor: "retell",
    name: "auth scheme changed (bearer to an API key header)",
    bump: "major",
    kind: "auth-changed",
    patch: (d) => {
      d.components.securitySchemes.api_key = { type: "apiKey", in: "header", name: "X-API-Key" };
    },
  },
  {
    vendor: "cald",
    name: "auth scheme changed (raw key to bearer)",
    bump: "major",
    kind: "auth-changed",
    patch: (d) => {
      d.components.securitySchemes.apiKeyAuth = { type: "http", scheme: "bearer" };
    },
  },
  {
    vendor: "verbex",
    name: "auth added (the optional key becomes required)",
    bump: "major",
    kind: "auth-added",
    patch: (d) => {
      d.security = [{ bearerAuth: [] }];
    },
  },
  {
    vendor: "vogent",
    name: "auth removed",
    bump: "minor",
    kind: "auth-removed",
    patch: (d) => {
      d.security = [];
    },
  },

  // ---- headers ---------------------------------------------------------------------------------
  {
    vendor: "cartesia",
    name: "required header value changed (Cartesia-Version)",
    bump: "major",
    kind: "enum-value-removed",
    patch: (d) => {
      const s = d.components.parameters.CartesiaVersionHeader.schema;
      s.enum = ["2026-06-01"];
      s.example = "2026-06-01";
    },
  },
  {
    vendor: "cartesia",
    name: "required header allowed values widened",
    bump: "minor",
    kind: "enum-value-added",
    patch: (d) => {
      d.components.parameters.CartesiaVersionHeader.schema.enum.push("2026-06-01");
    },
  },
  {
    vendor: "retell",
    name: "required header added",
    bump: "major",
    kind: "required-header-added",
    patch: (d) => {
      d.paths[RETELL].patch.parameters.push({
        in: "header",
        name: "Retell-Version",
        required: true,
        schema: { type: "string", enum: ["2026-01-01"] },
      });
    },
  },
  {
    vendor: "cartesia",
    name: "required header removed",
    bump: "minor",
    kind: "required-header-removed",
    patch: (d) => {
      cartesiaOp(d).parameters = cartesiaOp(d).parameters.filter((p) => !p.$ref);
    },
  },
  {
    vendor: "vogent",
    name: "optional query parameter added",
    bump: "minor",
    kind: "parameter-added-optional",
    patch: (d) => {
      vogentOp(d).parameters.push({ in: "query", name: "dryRun", schema: { type: "boolean" } });
    },
  },

  // ---- responses, unions, constraints ----------------------------------------------------------
  {
    vendor: "cartesia",
    name: "response union member added (a new provider type)",
    bump: "major",
    kind: "union-member-added",
    patch: (d) => {
      d.components.schemas.SipProviderResponse = {
        title: "Sip",
        type: "object",
        properties: { type: { type: "string", enum: ["sip"] } },
        required: ["type"],
      };
      const p = d.components.schemas.ProviderResponse;
      p.oneOf.push({ $ref: "#/components/schemas/SipProviderResponse" });
      p.discriminator.mapping.sip = "#/components/schemas/SipProviderResponse";
    },
  },
  {
    vendor: "verbex",
    name: "request union member removed (Twilio update body)",
    bump: "major",
    kind: "union-member-removed",
    patch: (d) => {
      const s = d.paths[VERBEX].patch.requestBody.content["application/json"].schema;
      s.anyOf = s.anyOf.slice(0, 2);
    },
  },
  {
    vendor: "retell",
    name: "request constraint narrowed (maxLength added)",
    bump: "major",
    kind: "constraint-narrowed",
    patch: (d) => {
      retellBody(d).properties.nickname.maxLength = 64;
    },
  },
  {
    vendor: "retell",
    name: "request constraint widened (AgentWeight minimum relaxed)",
    bump: "major",
    kind: "constraint-widened",
    patch: (d) => {
      delete d.components.schemas.AgentWeight.properties.agent_id.minLength;
    },
  },
  {
    vendor: "vogent",
    name: "error response removed (422)",
    bump: "minor",
    kind: "error-response-removed",
    patch: (d) => {
      delete vogentOp(d).responses["422"];
    },
  },
  {
    vendor: "cald",
    name: "error response added (401)",
    bump: "minor",
    kind: "error-response-added",
    patch: (d) => {
      d.paths[CALD].patch.responses["401"] = { description: "Unauthorized" };
    },
  },
  {
    vendor: "vogent",
    name: "success status changed to one without the body (200 to 204)",
    bump: "major",
    kind: "success-status-changed",
    facade: true,
    patch: (d) => {
      delete vogentOp(d).responses["200"];
      vogentOp(d).responses["204"] = { description: "Updated" };
    },
  },
  {
    vendor: "cald",
    name: "request field added, optional (not mapped by the facade)",
    bump: "minor",
    kind: "field-added-optional",
    facade: false,
    patch: (d) => {
      caldBody(d).properties.label = { type: "string" };
    },
  },

  {
    vendor: "cald",
    name: "response header added",
    bump: "minor",
    kind: "response-header-added",
    patch: (d) => {
      d.paths[CALD].patch.responses["200"].headers = { "X-Request-Id": { schema: { type: "string" } } };
    },
  },
  {
    vendor: "cald",
    name: "response header removed",
    bump: "major",
    kind: "response-header-removed",
    base: (d) => {
      d.paths[CALD].patch.responses["200"].headers = { "X-Request-Id": { schema: { type: "string" } } };
    },
    patch: (d) => {
      delete d.paths[CALD].patch.responses["200"].headers;
    },
  },

  // ---- documentation only ----------------------------------------------------------------------
  {
    vendor: "retell",
    name: "description only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[RETELL].patch.description = "Update the agents bound to a purchased phone number.";
    },
  },
  {
    vendor: "verbex",
    name: "summary only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[VERBEX].patch.summary = "Update a phone number";
    },
  },
  {
    vendor: "cartesia",
    name: "example only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.PhoneNumberBaseResponse.properties.number.example = "+14155550000";
    },
  },
  {
    vendor: "retell",
    name: "code sample only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.paths[RETELL].patch["x-codeSamples"][0].source = "// new sample";
    },
  },
  {
    vendor: "vogent",
    name: "field description only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberRequest.properties.agentId.description = "The agent to link.";
    },
  },
  {
    vendor: "cald",
    name: "API version label only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.info.version = "1.0.1";
    },
  },
];
