// Every corpus case, from the `*.cases.ts` files beside the tests of the modules they exercise.
import type { CorpusCase } from "./corpus.js";
import { CASES as docs } from "./docs.cases.js";
import { CASES as document } from "./document.cases.js";
import { CASES as headers } from "./header-object.cases.js";
import { CASES as mediaTypes } from "./media-type-object.cases.js";
import { CASES as operation } from "./operation-object.cases.js";
import { CASES as parameters } from "./parameter-object.cases.js";
import { CASES as paths } from "./paths-object.cases.js";
import { CASES as requestBody } from "./request-body-object.cases.js";
import { CASES as responses } from "./responses-object.cases.js";
import { CASES as arrays } from "./schema-object/array.cases.js";
import { CASES as constraints } from "./schema-object/constraints.cases.js";
import { CASES as defaults } from "./schema-object/default.cases.js";
import { CASES as enums } from "./schema-object/enum.cases.js";
import { CASES as nullable } from "./schema-object/nullable.cases.js";
import { CASES as objects } from "./schema-object/object.cases.js";
import { CASES as types } from "./schema-object/type.cases.js";
import { CASES as unions } from "./schema-object/union.cases.js";
import { CASES as security } from "./security.cases.js";
import { CASES as servers } from "./servers.cases.js";

export const ALL_CASES: readonly CorpusCase[] = [
  ...document,
  ...docs,
  ...headers,
  ...mediaTypes,
  ...operation,
  ...parameters,
  ...paths,
  ...requestBody,
  ...responses,
  ...arrays,
  ...constraints,
  ...defaults,
  ...enums,
  ...nullable,
  ...objects,
  ...types,
  ...unions,
  ...security,
  ...servers,
];
