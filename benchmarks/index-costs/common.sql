CREATE OR REPLACE FUNCTION bench_uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
 SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
   substring(int8send((extract(epoch from clock_timestamp())*1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid $$;
CREATE OR REPLACE FUNCTION bench_uuid4() RETURNS uuid LANGUAGE sql VOLATILE AS $$ SELECT gen_random_uuid() $$;
CREATE SEQUENCE IF NOT EXISTS bench_ref;
CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, tenant_id text NOT NULL, payload text NOT NULL);
