export * from "./types";
export * from "./store";
export * from "./apply";
export * from "./explanation";
