package org.opengru.spring.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.hours.ScheduleTarget;
import org.opengru.scheduling.hours.WeeklySchedule;
import org.opengru.scheduling.model.BookingAudience;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;

/** Builds the sites of every tenant from {@code gru.tenants.<id>.scheduling.sites}. */
final class SiteSetups {

    /** The weekly hours apply from this date on (long before any booking). */
    private static final LocalDate SINCE = LocalDate.of(2000, 1, 1);

    private SiteSetups() {}

    static List<SiteSetup> from(GruProperties properties) {
        List<SiteSetup> setups = new ArrayList<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Scheduling scheduling = properties.tenant(id).scheduling();
            if (scheduling == null) {
                continue;
            }
            for (Map.Entry<String, TenantProperties.Site> site :
                    scheduling.sitesOrEmpty().entrySet()) {
                String prefix = "gru.tenants." + id + ".scheduling.sites." + site.getKey();
                checkPrices(prefix, properties.tenant(id).payfip(), site.getValue());
                try {
                    setups.add(setup(TenantId.of(id), site.getKey(), site.getValue()));
                } catch (RuntimeException e) {
                    // The module's typed errors name the field and the value; add the property prefix.
                    throw new InvalidSiteException(prefix, e);
                }
            }
        }
        return setups;
    }

    /**
     * A paying service is paid online through PayFiP: the collectivité needs its account, and the price of
     * one person to the most people of a booking must lie within the account's limits (checked at start, not
     * when a resident is about to pay).
     */
    private static void checkPrices(
            String prefix, TenantProperties.@Nullable Payfip payfip, TenantProperties.Site site) {
        for (Map.Entry<String, TenantProperties.ServiceDefinition> s :
                site.services().entrySet()) {
            long price = s.getValue().priceCents();
            if (price == 0) {
                continue;
            }
            String key = prefix + ".services." + s.getKey() + ".price-cents";
            if (payfip == null) {
                throw new InvalidPriceException(
                        key + "=" + price + ": a paying appointment is paid through PayFiP; set the collectivité's"
                                + " payfip block (client-number, notification-url, return-url) or make it free (0)");
            }
            long most = price * s.getValue().maxPeople();
            if (price < payfip.minAmountCents() || most > payfip.maxAmountCents()) {
                throw new InvalidPriceException(
                        key + "=" + price + ": from one to " + s.getValue().maxPeople()
                                + " people it must lie within payfip.min-amount-cents (" + payfip.minAmountCents()
                                + ") and payfip.max-amount-cents (" + payfip.maxAmountCents() + ")");
            }
        }
    }

    /** A paying service that cannot be paid online. */
    static final class InvalidPriceException extends IllegalStateException {
        InvalidPriceException(String message) {
            super(message);
        }
    }

    private static SiteSetup setup(TenantId tenant, String siteId, TenantProperties.Site p) {
        SiteId id = SiteId.of(siteId);
        Site site = Site.of(tenant, id, p.name(), HolidayZone.valueOf(p.zone().name()));
        WeeklySchedule.Builder week = WeeklySchedule.builder(ScheduleTarget.site(id), SINCE);
        for (Map.Entry<DayOfWeek, String> day : p.hours().entrySet()) {
            for (String window : day.getValue().split(",")) {
                String[] bounds = window.trim().split("-");
                week.open(bounds[0].trim(), bounds[1].trim(), day.getKey());
            }
        }
        List<Service> services = new ArrayList<>();
        Set<ServiceId> serviceIds = new LinkedHashSet<>();
        for (Map.Entry<String, TenantProperties.ServiceDefinition> s :
                p.services().entrySet()) {
            TenantProperties.ServiceDefinition d = s.getValue();
            Service.Builder b = Service.builder(tenant, ServiceId.of(s.getKey()), d.name())
                    .duration(d.duration())
                    .buffers(d.bufferBefore(), d.bufferAfter())
                    .minNotice(d.minNotice())
                    .maxHorizon(d.maxHorizon())
                    .audience(d.agentsOnly() ? BookingAudience.AGENTS_ONLY : BookingAudience.PUBLIC)
                    .antsNumberRequired(d.antsNumberRequired())
                    .maxPeople(d.maxPeople())
                    .maxHolds(d.maxHolds())
                    .priceCents(d.priceCents());
            if (d.step() != null) {
                b.step(d.step());
            }
            Service service = b.build();
            services.add(service);
            serviceIds.add(service.id());
        }
        List<Resource> desks = new ArrayList<>();
        for (Map.Entry<String, String> desk : p.desks().entrySet()) {
            desks.add(new Resource(tenant, ResourceId.of(desk.getKey()), id, desk.getValue(), serviceIds));
        }
        OpeningHours hours = OpeningHours.builder(site).schedule(week.build()).build();
        Set<TeamId> teams = new LinkedHashSet<>();
        p.teamsOrEmpty().forEach(team -> teams.add(TeamId.of(team)));
        return new SiteSetup(hours, desks, services, teams);
    }

    /** A site that cannot be built from its properties. */
    static final class InvalidSiteException extends IllegalStateException {
        InvalidSiteException(String prefix, RuntimeException cause) {
            super(prefix + ": " + cause.getMessage(), cause);
        }
    }
}
