package org.opengru.scheduling.model;

import java.time.ZoneId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.internal.Check;

/**
 * A place where residents are received (mairie, mairie annexe, maison France services). Its holiday zone
 * decides which public holidays close it; its time zone is the zone's unless given.
 *
 * @param tenant the collectivité
 * @param id the site's code
 * @param name its French name
 * @param holidayZone its zone of public holidays
 * @param zone its time zone
 */
public record Site(TenantId tenant, SiteId id, String name, HolidayZone holidayZone, ZoneId zone) {

    /**
     * Checks the site.
     *
     * @param tenant the collectivité
     * @param id the site's code
     * @param name its French name
     * @param holidayZone its zone of public holidays
     * @param zone its time zone
     * @throws org.opengru.core.error.ValidationException naming the missing or blank field
     */
    public Site {
        Check.required("site.tenant", tenant);
        Check.required("site.id", id);
        name = Check.text("site.name", name, 200);
        Check.required("site.holidayZone", holidayZone);
        Check.required("site.zone", zone);
    }

    /**
     * A site in the holiday zone's own time zone.
     *
     * @param tenant the collectivité
     * @param id the site's code
     * @param name its French name
     * @param holidayZone its zone of public holidays
     * @return the site
     */
    public static Site of(TenantId tenant, SiteId id, String name, HolidayZone holidayZone) {
        return new Site(tenant, id, name, holidayZone, holidayZone.zone());
    }
}
