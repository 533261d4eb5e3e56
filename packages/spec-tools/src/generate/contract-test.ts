// test/contract.test.ts of a vendor package: the shared suite of @phonebridge/testing/contract,
// given this vendor's functions, fixtures and what its requests must look like (spelled out
// here, not read from the descriptor under test), plus the checks only its own types can make.
import { header, pascal } from "./header.js";
import { ts, tsLine } from "./literals.js";
import type { VendorModel } from "./model.js";

export function renderContractTest(model: VendorModel): string {
  const { vendor, descriptor, config, success } = model;
  const { title } = config;
  const Name = pascal(vendor);
  const { path, method, param } = descriptor.update;
  const { id, body, wrongTypeBody } = config.contract;
  // What the requests must look like, spelled out from specs/ rather than read from the
  // descriptor under test: one line per field, like a table.
  const contract = {
    provider: vendor,
    envPrefix: descriptor.envPrefix,
    defaultBaseUrl: descriptor.defaultBaseUrl,
    auth: descriptor.auth,
    headers: descriptor.headers,
    update: descriptor.update,
  };
  // The read operations, through the typed openapi-fetch client, and the response validators.
  const readLines: string[] = [];
  if (config.get) {
    const getParam = /\{([^}]+)\}/.exec(config.get.path)?.[1] ?? "";
    readLines.push(
      "    get: {",
      `      path: ${ts(config.get.path)},`,
      `      param: ${ts(getParam)},`,
      `      call: (client, id) => client.GET(${ts(config.get.path)}, { params: { path: { ${getParam}: id } } }),`,
      "    },",
    );
  }
  if (config.list) {
    const { request } = config.list.pagination;
    readLines.push(
      "    list: {",
      `      path: ${ts(config.list.path)},`,
      `      pagination: ${tsLine(config.list.pagination)},`,
      "      page: (client, cursor) =>",
      `        client.GET(${ts(config.list.path)}, { params: { query: cursor === undefined ? {} : { ${request}: cursor } } }),`,
      "    },",
    );
  }
  readLines.push("    validators: responseValidators,");
  const contractLines = Object.entries(contract)
    .map(([name, value]) => `    ${name}: ${tsLine(value)},`)
    .join("\n");
  return `${header(vendor)}
import { describeVendorContract } from "@phonebridge/testing/contract";
import { expectTypeOf } from "vitest";
import {
  PhoneBridgeError,
  type UpdatePhoneNumberBody,
  type UpdatePhoneNumberResponse,
  create${Name}Client,
  create${Name}Transport,
} from "../src/index.js";
import { responseValidators } from "../src/generated/validate.js";
import { create${Name}OpenApiClient } from "../src/openapi-fetch.js";

// @ts-expect-error the spec gives this field another type
const wrongTypeBody: UpdatePhoneNumberBody = ${tsLine(wrongTypeBody)};

describeVendorContract({
  name: ${ts(`@phonebridge/${vendor} against a Prism mock of specs/${vendor}`)},
  descriptor: {
${contractLines}
  },
  createClient: create${Name}Client,
  createTransport: create${Name}Transport,
  errorClass: PhoneBridgeError,
  id: ${ts(id)},
  body: ${tsLine(body)},
  wrongTypeBody,
  status: ${success.status},${
    title === Name
      ? ""
      : `
  title: ${ts(title)},`
  }
  checkData: (data) => expectTypeOf(data).toEqualTypeOf<UpdatePhoneNumberResponse>(),
  openapiFetch: {
    createClient: create${Name}OpenApiClient,
    update: (client, id, body) => client.${method}(${ts(path)}, { params: { path: { ${param}: id } }, body }),
  },
  reads: {
${readLines.join("\n")}
  },
});
`;
}
