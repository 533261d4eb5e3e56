export { main } from "./main.js";
export { type BadRow, COLUMNS, type GoodRow, type InputRow, readRows } from "./rows.js";
