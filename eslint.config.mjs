import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const serverOnly = {
  patterns: [
    { group: ["**/server/**", "@/server/**"], message: "server/ is Node-only; share code through lib/." },
    {
      group: ["dockerode", "better-sqlite3", "ssh2"],
      message: "engine and database access belong to server/.",
    },
  ],
};

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".engines/**",
      "data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
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
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", serverOnly] },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [...serverOnly.patterns, { group: ["node:*"], message: "lib/ runs in the browser too." }],
        },
      ],
    },
  },
];

export default config;
