export { main } from "./main.js";
export { COLUMNS, readRows, type BadRow, type GoodRow, type InputRow } from "./rows.js";
