/** Unit, adapter-contract and browser end-to-end tests; all real parts except Excel itself. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // a developer's scratch probes (git-ignored), run by hand with --testPathIgnorePatterns=none
  testPathIgnorePatterns: ["/node_modules/", "/test/tmp/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 120000,
  // e2e builds with webpack and drives Chromium: keep the box's two cores for those two jobs
  maxWorkers: 2,
};
