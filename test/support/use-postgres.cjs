// Jest setup for the `postgres` project: the same read-model suites, on the real PostgreSQL.
process.env.READ_MODEL_DB = 'postgres';
