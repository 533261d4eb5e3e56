// What every benchmark variant sends and what the loopback server answers, per vendor. Each
// variant of one vendor puts the same request on the wire (the facade's `agentId` change), so
// the ratios compare client work only.

export const AGENT = "agent_4f1b2c3d";
export const API_KEY = "bench-key-not-a-secret";

/** Request, route and a 200 body that satisfies the vendor's response schema. */
export const VENDORS = {
  cald: {
    id: "pn_8a1f2e",
    method: "PATCH",
    route: "/phonenumbers/",
    path: (id) => `/phonenumbers/${id}`,
    headers: { authorization: API_KEY },
    body: { agentId: AGENT },
    response: { phoneNumberId: "pn_8a1f2e", phoneNumber: "+14155550100", price: 1.15, agentId: AGENT },
  },
  cartesia: {
    id: "pn_01JABCDEF",
    method: "PATCH",
    route: "/agents/phone-numbers/",
    path: (id) => `/agents/phone-numbers/${id}`,
    headers: { authorization: `Bearer ${API_KEY}`, "cartesia-version": "2026-03-01" },
    body: { agent_id: AGENT },
    response: {
      id: "pn_01JABCDEF",
      label: "Front desk",
      number: "+14155550101",
      agent: { id: AGENT, name: "Receptionist" },
      created_at: "2026-01-05T10:00:00Z",
      updated_at: "2026-11-26T05:00:00Z",
      provider: { id: "prov_1", name: "Twilio", type: "twilio", api_key_sid: "SK****1234" },
    },
  },
  retell: {
    id: "+14157774444",
    method: "PATCH",
    route: "/update-phone-number/",
    path: (id) => `/update-phone-number/${id}`,
    pathTemplate: "/update-phone-number/{phone_number}",
    pathParam: "phone_number",
    headers: { authorization: `Bearer ${API_KEY}` },
    body: { inbound_agents: [{ agent_id: AGENT, weight: 1 }] },
    response: {
      phone_number: "+14157774444",
      phone_number_type: "retell-twilio",
      phone_number_pretty: "+1 (415) 777-4444",
      area_code: 415,
      inbound_agents: [{ agent_id: AGENT, weight: 1 }],
      outbound_agents: null,
      nickname: "Frontdesk Number",
      inbound_webhook_url: null,
      allowed_inbound_country_list: ["US", "CA"],
      allowed_outbound_country_list: null,
      last_modification_timestamp: 1703413636133,
    },
  },
  verbex: {
    id: "665f1c2a9b3e",
    method: "PATCH",
    route: "/v1/phone-numbers/",
    path: (id) => `/v1/phone-numbers/${id}`,
    headers: { authorization: `Bearer ${API_KEY}` },
    body: { inbound_agent_id: AGENT },
    response: {
      _id: "665f1c2a9b3e",
      provider: "pia",
      phone_number: "+14155550103",
      friendly_name: "Support line",
      inbound_agent_id: AGENT,
      outbound_agent_id: null,
    },
  },
  vogent: {
    id: "pn_vg_771",
    method: "PUT",
    route: "/phone_numbers/",
    path: (id) => `/phone_numbers/${id}`,
    headers: { authorization: `Bearer ${API_KEY}` },
    body: { agentId: AGENT },
    response: { id: "pn_vg_771", number: "+14155550104", type: "PSTN", agentId: AGENT },
  },
};

export const PROVIDERS = Object.keys(VENDORS);
