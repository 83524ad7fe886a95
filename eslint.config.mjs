import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", ".e2e/**", "next-env.d.ts"],
  },
  {
    plugins: { drizzle },
    rules: {
      // t3's guard rails: an update or delete without `where` touches every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Playwright fixtures call a parameter named `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Layering: the UI reaches data only through lib/, never the database directly.
    files: ["app/**/*.{ts,tsx}", "proxy.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "app/ must go through lib/ (data access), never db/." },
            { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "Database access belongs in lib/data." },
          ],
        },
      ],
    },
  },
  {
    // Code that reaches the browser (schemas, rules, client helpers) must never pull the database
    // schema or server-only modules into a bundle.
    files: ["lib/validation/**/*.{ts,tsx}", "lib/domain/**/*.{ts,tsx}", "lib/client/**/*.{ts,tsx}", "lib/charts/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "Browser-reachable code must not import the database schema; put shared constants in lib/domain." },
            { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*", "server-only"], message: "Browser-reachable code must not import database or server-only modules." },
            { group: ["@/lib/data", "@/lib/data/*", "@/lib/auth/*", "!@/lib/auth/types", "!@/lib/auth/scope"], message: "Browser-reachable code must not import data access or server auth." },
          ],
        },
      ],
    },
  },
];

export default config;
