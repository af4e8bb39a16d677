export { vi, type MessageKey } from "./vi";
export { en } from "./en";
export { catalogs, comparatorSymbol, formatMessage, formatNumber, type Lang, type Message, type MessageParams } from "./format";
