import "i18next";
import type en from "./en.json";

// Keys are checked at compile time against the English catalog (catalog.test.ts keeps Spanish in step).
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}
