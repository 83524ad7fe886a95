import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// lib/data/internal holds queries that do not authorize: only lib/data files (which authorize first) may call them.
const dataInternal = {
  regex: "(^|/)data/internal(/|$)",
  message: "lib/data/internal is unguarded: call the lib/data function that authorizes the actor instead.",
};

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
    // Only lib/data (and tests) may reach past the guards. The blocks below repeat the pattern because a
    // later block's no-restricted-imports replaces this one for the files it matches.
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/data/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [dataInternal] }] },
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
            dataInternal,
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
            dataInternal,
          ],
        },
      ],
    },
  },
  {
    // The database layer sits below lib/: it may use pure domain rules and configuration, nothing else
    // (the seed and the synthetic generator live in lib/seed and lib/synth for that reason).
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)lib(/(?!domain/.+$|env$)|$)",
              message: "db/ may import only lib/domain/* and lib/env from lib/.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
