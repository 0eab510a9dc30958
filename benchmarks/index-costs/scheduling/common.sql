-- Each booking takes a slot of its own (no exclusion conflict, so pgbench never aborts), spread over the desks and
-- days: slot n of the sequence is the n-th of a fixed permutation of 2,160,000 slots (n * 1000003 mod 2,160,000;
-- 1000003 is prime to it), cut into `desks` desks of 30 twenty-minute slots a day (400 desks: 180 days each;
-- 3 desks: 65 years), so consecutive bookings land on random desks and dates.
-- STABLE, as timestamptz + interval is: PostgreSQL then inlines them into the statement.
CREATE SEQUENCE IF NOT EXISTS bench_slot;
DROP FUNCTION IF EXISTS bench_desk(bigint);
DROP FUNCTION IF EXISTS bench_start(bigint);
CREATE OR REPLACE FUNCTION bench_desk(n bigint, desks integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'guichet-' || ((n * 1000003) % 2160000 % desks) $$;
CREATE OR REPLACE FUNCTION bench_start(n bigint, desks integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT timestamptz '2027-01-04 08:30+01' + ((n * 1000003) % 2160000 / desks / 30) * interval '1 day'
         + ((n * 1000003) % 2160000 / desks % 30) * interval '20 minutes' $$;
