/* global module */
/**
 * The end-to-end tests (npm run test:e2e, through scripts/e2e.js, which builds and serves the add-in first).
 * Node environment: the tests drive Chromium with playwright-core. One worker: one browser at a time.
 */
module.exports = {
  rootDir: "../..",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testEnvironment: "node",
  maxWorkers: 1,
  testTimeout: 120_000,
  slowTestThreshold: 30,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", esModuleInterop: true, jsx: "react-jsx", isolatedModules: true }, diagnostics: false }],
  },
};
