export * from "./accounts";
export * from "./communities";
export * from "./discussions";
export * from "./library";
export * from "./meetings";
export * from "./organizations";
export * from "./platform";
export * from "./visits";
