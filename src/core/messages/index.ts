export { vi, type MessageKey } from "./vi";
export { en } from "./en";
export {
  catalogs, comparatorSymbol, formatBytes, formatMessage, formatNumber, msg,
  type Lang, type Message, type MessageParams, type DataIssue, type MessageRef, type Msg, type ParamArgs, type ParamsOf, type ParamValue, type Placeholders,
} from "./format";
