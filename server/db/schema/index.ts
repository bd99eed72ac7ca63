export * from "./accounts";
export * from "./communities";
export * from "./meetings";
export * from "./organizations";
export * from "./platform";
