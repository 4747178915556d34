// DuckDB on the same NDJSON, for bench/audience_bench.sh: the first audience (GoldEmail) as SQL,
// one CSV row per profile, like `journey audience --format csv`. DuckDB infers the columns from
// the file, as a user reading NDJSON would let it.
//   node audience_duckdb.mjs PROFILES.jsonl OUT.csv THREADS
import { DuckDBInstance } from '@duckdb/node-api';

const [profiles, out, threads] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
await connection.run(`
  COPY (
    SELECT id AS profile,
           CAST(loyalty.tier = 'gold' AND consents.email AS INTEGER) AS GoldEmail
    FROM read_json_auto('${profiles}', format = 'newline_delimited')
  ) TO '${out}' (HEADER, DELIMITER ',')`);
