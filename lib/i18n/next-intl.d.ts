import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Message keys are checked by the compiler: `t("containers.titel")` does not build.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
