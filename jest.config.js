/** Jest runs in ESM mode because NestJS 12 ships ESM only (see README, "Testing"). */
const tier = (name, testMatch, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#casetrail/event-store/esdb$': '<rootDir>/libs/event-store/src/esdb/esdb-event-store.ts',
    '^#casetrail/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    // @fastify/static (CommonJS) requires content-disposition 2, which is ESM-only. Node 20.19+
    // loads that natively (require(esm)); Jest's module system cannot, so tests get the CJS 1.x.
    '^content-disposition$': 'content-disposition-cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  testMatch,
  ...extra,
});

export default {
  rootDir: '.',
  projects: [
    tier('unit', ['<rootDir>/{apps,libs}/**/*.spec.ts']),
    tier('integration', ['<rootDir>/{apps,libs}/**/*.int-spec.ts']),
    tier('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
    // The event-store contract against EventStoreDB: a live server when EVENTSTORE_CONNECTION_STRING
    // is set, else the wire-level test double in test/esdb-double (it says which ran).
    tier('esdb', ['<rootDir>/test/esdb/**/*.esdb-spec.ts']),
    // The read-model and projection suites again, on PostgreSQL (DATABASE_URL; see scripts/run-tests.mjs).
    tier('postgres', ['<rootDir>/libs/read-models/**/*.int-spec.ts'], { setupFiles: ['<rootDir>/test/support/use-postgres.cjs'] }),
  ],
};
