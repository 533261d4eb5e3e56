export { main } from "./main.js";
export { PROVIDERS, type Provider } from "./providers.js";
export { type BadRow, COLUMNS, type GoodRow, type InputRow, readRows } from "./rows.js";
