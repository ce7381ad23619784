/** Unit and integration tests. Type checking is done once by `npm run lint` (tsc),
 * so ts-jest only transpiles here, which keeps the suite fast. */
/** ESM-only packages pulled in by office-addin-manifest/-mock; also when nested under another package's node_modules. */
const esmOnly = ["strip-bom", "uuid", "office-addin-[^/]+"].join("|");
const ignoreAllBut = `/node_modules/(?!(.*/node_modules/)?(${esmOnly})/)`;

const transform = {
  "^.+\\.(t|j)sx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, allowJs: true }, isolatedModules: true, diagnostics: false }],
};

module.exports = {
  // Tests that write and read real workbooks take seconds on a busy 2-core machine.
  testTimeout: 30_000,
  projects: [
    {
      displayName: "node",
      testTimeout: 30_000,
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/test/e2e/"],
      transform,
      transformIgnorePatterns: [ignoreAllBut],
    },
    {
      displayName: "dom",
      testTimeout: 30_000,
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.tsx"],
      testPathIgnorePatterns: ["/test/e2e/"],
      setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
      transform,
      transformIgnorePatterns: [ignoreAllBut],
    },
  ],
};
