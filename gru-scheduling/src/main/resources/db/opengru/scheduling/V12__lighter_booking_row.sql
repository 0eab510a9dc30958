-- OpenGRU scheduling, V12: a booking's row costs PostgreSQL less, every guarantee kept (issue 22, docs/persistence.md
-- "Bookings", "What a booking's two rows cost", with the measurements of benchmarks/index-costs/scheduling).
--
-- 1. The exclusion constraint keeps its meaning (two desk-occupying bookings of one desk never overlap, buffers
--    included, whatever the number of nodes) and its column order (the busy time first: with the desk first,
--    GiST splits a town hall's few desks badly and each insert costs more, 290 against 203 us of server CPU at
--    three desks, docs/scheduling.md), but takes the busy time as an expression: the row no longer stores the
--    range (the STORED generated column "busy", 32 bytes a row written to the heap and the WAL at each insert
--    and move, and an expression PostgreSQL prepared for each statement). The store's probes and the desks'
--    busy time use the same expression, tstzrange(busy_start, busy_end, '[)'), which the index serves.
-- 2. The check constraints keep their rules; the three that PostgreSQL had named scheduling_booking_check,
--    _check1 and _check2, and those named after a column, get the name of their rule, which the error of a
--    refused row then gives (the store's DataAccessException carries the server's message).
--
-- Upgrade: a documented stop (docs/persistence.md). A node of the previous version names the column "busy" in
-- its booking statements: against this schema they fail (the booking is refused, nothing is half-written).
-- Stop every node, migrate, start the new version. The drop and the rebuild are one transaction: no booking
-- is written between them (ALTER TABLE holds the table's lock until the commit), so no overlap can slip in.

ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_no_overlap;
ALTER TABLE scheduling_booking DROP COLUMN busy;
ALTER TABLE scheduling_booking
    ADD CONSTRAINT scheduling_booking_no_overlap
        EXCLUDE USING gist (tstzrange(busy_start, busy_end, '[)') WITH &&, resource_id WITH =, tenant_id WITH =)
        WHERE (status IN ('HELD', 'BOOKED'));

ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_people_check TO scheduling_booking_people;
ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_status_check TO scheduling_booking_status;
ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_ants_number_check TO scheduling_booking_ants_number;
ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_check TO scheduling_booking_ends_after_start;
ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_check1 TO scheduling_booking_busy_covers_appointment;
ALTER TABLE scheduling_booking RENAME CONSTRAINT scheduling_booking_check2 TO scheduling_booking_held_until;
