import { builtinModules } from "node:module";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import wharf from "./scripts/lint/no-untranslated-text.mjs";

const serverOnly = {
  patterns: [
    { group: ["**/server/**", "@/server/**"], message: "server/ is Node-only; share code through lib/." },
    {
      group: ["dockerode", "better-sqlite3", "ssh2"],
      message: "engine and database access belong to server/.",
    },
  ],
};

/** Every visible string of the UI comes from the message catalogs (lib/i18n/messages). */
const TRANSLATED = ["app/**/*.tsx", "components/**/*.tsx", "components/**/*.ts"];

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "dist/**",
      ".engines/**",
      "data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  // Type-checked rules first, so the project's own choices below refine them.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["app/**", "components/**"],
    plugins: { wharf },
    rules: { "no-restricted-imports": ["error", serverOnly] },
  },
  {
    files: TRANSLATED,
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "wharf/no-untranslated-text": "error" },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // Node builtins with or without the node: prefix: lib/ runs in the browser too.
          paths: builtinModules.map((name) => ({ name, message: "lib/ runs in the browser too." })),
          patterns: [
            ...serverOnly.patterns,
            { group: ["node:*"], message: "lib/ runs in the browser too." },
            { group: ["**/components/**", "@/components/**"], message: "lib/ is below components/." },
          ],
        },
      ],
    },
  },
  {
    // The request layer sits on top: realtime/, auth/ and scope/ serve it and never reach back into it.
    files: [
      "server/realtime/**",
      "server/auth/**",
      "server/scope/**",
      "server/engines/**",
      "server/images/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/api/**", "**/api"], message: "api/ is the top layer; move what is shared down." },
          ],
        },
      ],
    },
  },
];

export default config;
