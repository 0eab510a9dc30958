package org.opengru.spring.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.OpeningRule;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.ReservableKind;
import org.opengru.scheduling.reservation.Tariff;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;

/**
 * Builds the rooms and equipment ({@code gru.tenants.<id>.scheduling.reservables}) and the event sessions
 * ({@code gru.tenants.<id>.scheduling.events}) of every tenant; the module's typed errors get the property
 * prefix.
 */
final class ReservationSetups {

    private ReservationSetups() {}

    static List<Reservable> reservables(GruProperties properties) {
        List<Reservable> out = new ArrayList<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Scheduling scheduling = properties.tenant(id).scheduling();
            if (scheduling == null) {
                continue;
            }
            for (Map.Entry<String, TenantProperties.ReservableDefinition> e :
                    scheduling.reservablesOrEmpty().entrySet()) {
                String prefix = "gru.tenants." + id + ".scheduling.reservables." + e.getKey();
                try {
                    out.add(reservable(TenantId.of(id), e.getKey(), e.getValue()));
                } catch (RuntimeException ex) {
                    throw new SiteSetups.InvalidSiteException(prefix, ex);
                }
            }
        }
        return out;
    }

    static List<EventSession> sessions(GruProperties properties) {
        List<EventSession> out = new ArrayList<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Scheduling scheduling = properties.tenant(id).scheduling();
            if (scheduling == null) {
                continue;
            }
            for (Map.Entry<String, TenantProperties.EventSessionDefinition> e :
                    scheduling.eventsOrEmpty().entrySet()) {
                String prefix = "gru.tenants." + id + ".scheduling.events." + e.getKey();
                try {
                    out.add(session(TenantId.of(id), e.getKey(), e.getValue()));
                } catch (RuntimeException ex) {
                    throw new SiteSetups.InvalidSiteException(prefix, ex);
                }
            }
        }
        return out;
    }

    private static Reservable reservable(TenantId tenant, String code, TenantProperties.ReservableDefinition d) {
        Reservable.Builder b = Reservable.builder(tenant, ReservableId.of(code), d.name())
                .kind(ReservableKind.valueOf(d.kind().name()))
                .zone(d.timeZone())
                .durations(d.minDuration(), d.maxDuration())
                .maxHorizon(d.maxHorizon())
                .depositCents(d.depositCents())
                .paymentHold(d.paymentHold());
        for (Map.Entry<DayOfWeek, String> day : d.opening().entrySet()) {
            for (String window : day.getValue().split(",")) {
                String[] bounds = window.trim().split("-");
                LocalTime to = bounds[1].trim().equals("24:00") ? LocalTime.MAX : LocalTime.parse(bounds[1].trim());
                b.openingRule(new OpeningRule(EnumSet.of(day.getKey()), LocalTime.parse(bounds[0].trim()), to));
            }
        }
        d.tariffs()
                .forEach((kind, t) ->
                        b.tariff(UsagerCategory.valueOf(kind.name()), new Tariff(t.fixedCents(), t.perDayCents())));
        d.requiredPiecesOrEmpty().keySet().forEach(b::requiredPiece);
        d.teams().forEach(team -> b.team(TeamId.of(team)));
        return b.build();
    }

    private static EventSession session(TenantId tenant, String id, TenantProperties.EventSessionDefinition d) {
        var startsAt = LocalDateTime.parse(d.startsAt()).atZone(d.timeZone()).toInstant();
        var cancelUntil = d.cancelUntil() == null
                ? startsAt
                : LocalDateTime.parse(d.cancelUntil()).atZone(d.timeZone()).toInstant();
        java.util.Set<TeamId> teams = new java.util.LinkedHashSet<>();
        d.teams().forEach(team -> teams.add(TeamId.of(team)));
        return new EventSession(
                tenant,
                SessionId.of(id),
                d.event(),
                d.title(),
                startsAt,
                d.capacity(),
                d.perPersonLimit(),
                cancelUntil,
                d.priceCents(),
                d.paymentHold(),
                teams);
    }
}
