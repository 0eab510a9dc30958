-- STABLE, as timestamptz + interval is: PostgreSQL then inlines them into the statement.
-- Each booking takes a slot of its own (no exclusion conflict, so pgbench never aborts), spread over 400 desks
-- and 180 days of 30 twenty-minute slots: slot n of the sequence is the n-th of a fixed permutation
-- (n * 1000003 mod 2,160,000; 1000003 is prime to it), so consecutive bookings land on random desks and dates.
CREATE SEQUENCE IF NOT EXISTS bench_slot;
CREATE OR REPLACE FUNCTION bench_desk(n bigint) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'guichet-' || ((n * 1000003) % 2160000 % 400) $$;
CREATE OR REPLACE FUNCTION bench_start(n bigint) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT timestamptz '2027-01-04 08:30+01' + ((n * 1000003) % 2160000 / 400 / 30) * interval '1 day'
         + ((n * 1000003) % 2160000 / 400 % 30) * interval '20 minutes' $$;
