// The corpus cases of src/diff/docs.ts: documentation-only changes to schemas.
import { type CorpusCase, RETELL, retellBody, retellResponse } from "./corpus.js";

export const CASES: CorpusCase[] = [
  // oasdiff calls this request-property-deprecated; the classifier's kind for it is `deprecated`
  // (a patch), and the cross-check must not turn it into an unclassified, breaking change.
  {
    vendor: "retell",
    name: "request field deprecated",
    bump: "patch",
    kind: "deprecated",
    facade: false,
    patch: (d) => {
      retellBody(d).properties.termination_uri.deprecated = true;
    },
  },
  {
    vendor: "retell",
    name: "response field deprecated",
    bump: "patch",
    kind: "deprecated",
    patch: (d) => {
      retellResponse(d).properties.phone_number_pretty.deprecated = true;
    },
  },
  {
    vendor: "retell",
    name: "operation deprecated",
    bump: "patch",
    kind: "deprecated",
    patch: (d) => {
      d.paths[RETELL].patch.deprecated = true;
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
    vendor: "vogent",
    name: "field description only",
    bump: "patch",
    kind: "documentation",
    patch: (d) => {
      d.components.schemas.UpdatePhoneNumberRequest.properties.agentId.description = "The agent to link.";
    },
  },
];
