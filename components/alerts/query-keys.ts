/** The alert pages' react-query keys, in one place so each panel refreshes what another changed. */
export const ALERTS_KEY = ["alerts", "list"] as const;
export const SILENCES_KEY = ["alerts", "silences"] as const;
export const RULES_KEY = ["alerts", "rules"] as const;
export const TARGETS_KEY = ["alerts", "targets"] as const;
