/**
 * The signalement pages: "Signaler un problème" (category, place by map, device position or address, description,
 * photos, with or without an account), the nearby open reports proposed as "déjà signalé : +1", the public
 * page and map of open and resolved reports, the reporter's follow-up, the open data; and the agents' map
 * and list with filters, merging of duplicates and bulk status changes. The map (Leaflet, served by the
 * portal) is an enhancement: every page works with the address search and the lists alone.
 */
@NullMarked
package org.opengru.examples.portal.reports;

import org.jspecify.annotations.NullMarked;
