export * from "./common.ts";
export * from "./contract.ts";
export * from "./rules.ts";
export * from "./catalog.ts";
export * from "./api.ts";
export * from "./headers.ts";
export * from "./dossiers.ts";
