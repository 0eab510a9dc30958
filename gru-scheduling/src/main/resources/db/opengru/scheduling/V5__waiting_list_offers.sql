-- OpenGRU scheduling: waiting-list offers that settle from the hold, whatever path ends it.
--
-- An entry is claimed under the id of the hold about to be taken (hold_id, with the slot's start), so the
-- offer and its hold can never disagree for long: the hold's row in scheduling_booking decides how the
-- offer ended (confirmed, expired or released, or never taken by a node that died while claimed_until
-- ran), and BookingService.expireHolds settles every offer from it.

ALTER TABLE scheduling_waiting ADD COLUMN slot_start timestamptz;

-- Claims of V4 were marked by claimed_until alone: they lapse now.
UPDATE scheduling_waiting SET claimed_until = NULL WHERE hold_id IS NULL;
-- Offers of V4: take the slot from the hold; an offer without its hold row goes back on the list.
UPDATE scheduling_waiting w SET slot_start = b.starts_at
  FROM scheduling_booking b WHERE b.tenant_id = w.tenant_id AND b.id = w.hold_id;
UPDATE scheduling_waiting SET hold_id = NULL, claimed_until = NULL WHERE hold_id IS NOT NULL AND slot_start IS NULL;

-- One row per person, site and service, waiting or offered (V4 let a person join again while offered,
-- which could give them a second hold). The offered row wins: it goes back in line if not taken up.
DELETE FROM scheduling_waiting w
 WHERE w.hold_id IS NULL
   AND EXISTS (SELECT 1 FROM scheduling_waiting o
                WHERE o.tenant_id = w.tenant_id AND o.site_id = w.site_id AND o.service_id = w.service_id
                  AND o.usager_id = w.usager_id AND o.id <> w.id);
DROP INDEX scheduling_waiting_one_per_usager;
CREATE UNIQUE INDEX scheduling_waiting_one_per_usager
    ON scheduling_waiting (tenant_id, site_id, service_id, usager_id);

-- One pending offer per person and service across sites (they can confirm only one appointment).
UPDATE scheduling_waiting w SET hold_id = NULL, slot_start = NULL, claimed_until = NULL
 WHERE w.hold_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM scheduling_waiting o
                WHERE o.tenant_id = w.tenant_id AND o.service_id = w.service_id AND o.usager_id = w.usager_id
                  AND o.hold_id IS NOT NULL AND o.id < w.id);
CREATE UNIQUE INDEX scheduling_waiting_one_offer
    ON scheduling_waiting (tenant_id, service_id, usager_id) WHERE hold_id IS NOT NULL;

ALTER TABLE scheduling_waiting
    ADD CONSTRAINT scheduling_waiting_offer CHECK ((hold_id IS NULL) = (slot_start IS NULL)),
    ADD CONSTRAINT scheduling_waiting_claim CHECK (claimed_until IS NULL OR hold_id IS NOT NULL);
