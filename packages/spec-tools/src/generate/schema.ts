// src/generated/schema.ts: openapi-typescript's types for the whole effective spec.
import openapiTS, { astToString } from "openapi-typescript";
import { validationConfig } from "../openapi/validate.js";
import { header } from "./header.js";
import type { VendorModel } from "./model.js";

export async function renderSchema({ vendor, spec }: VendorModel): Promise<string> {
  // openapi-typescript validates the document before converting it: given the tools' own
  // validator configuration, that pass is the validator of docs/spec-changes.md (one set of
  // rules for generation, pull and CI, and one pass over the document).
  // defaultNonNullable: false keeps a response property with a `default` optional, as the
  // spec says, instead of promising the client a field the server may omit.
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0], {
    defaultNonNullable: false,
    silent: true,
    redocly: await validationConfig(),
  });
  return `${header(vendor)}\n\n${astToString(ast)}`;
}
