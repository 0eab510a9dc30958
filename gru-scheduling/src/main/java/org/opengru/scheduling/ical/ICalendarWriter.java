package org.opengru.scheduling.ical;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;

/**
 * Writes iCalendar (RFC 5545) for an appointment or a desk's agenda: CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, times in the site's zone with its
 * {@code VTIMEZONE} built from the zone's current rules. The UID is the booking id, stable across changes;
 * SEQUENCE grows with each change; a cancelled appointment is sent with {@code METHOD:CANCEL}.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String uidDomain;

    /** @param uidDomain the domain that makes UIDs globally unique, for example {@code rdv.mairie-exemple.fr} */
    public ICalendarWriter(String uidDomain) {
        this.uidDomain = Objects.requireNonNull(uidDomain, "uidDomain");
    }

    /** One appointment, for the resident: METHOD:REQUEST, or METHOD:CANCEL once cancelled. */
    public String appointment(Booking booking, Site site, Service service) {
        Lines out = new Lines();
        boolean cancelled = booking.status().cancelled() || booking.status() == BookingStatus.EXPIRED;
        header(out, cancelled ? "CANCEL" : "REQUEST");
        timezone(out, site.zone(), booking.start());
        event(out, booking, site, service);
        out.add("END:VCALENDAR");
        return out.toString();
    }

    /** A desk's agenda: its appointments, cancelled ones marked so, for the agents' calendar. */
    public String agenda(Resource desk, Site site, Map<ServiceId, Service> services, List<Booking> bookings) {
        Lines out = new Lines();
        header(out, "PUBLISH");
        out.add("X-WR-CALNAME:" + text(desk.name() + " - " + site.name()));
        timezone(
                out,
                site.zone(),
                bookings.isEmpty() ? Instant.EPOCH : bookings.get(0).start());
        bookings.stream()
                .filter(b -> b.resource().equals(desk.id())
                        && b.status() != BookingStatus.HELD
                        && b.status() != BookingStatus.EXPIRED)
                .sorted(Comparator.comparing(Booking::start))
                .forEach(b -> event(
                        out, b, site, Objects.requireNonNull(services.get(b.service()), "service " + b.service())));
        out.add("END:VCALENDAR");
        return out.toString();
    }

    private static void header(Lines out, String method) {
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:-//OpenGRU//Scheduling//FR");
        out.add("CALSCALE:GREGORIAN");
        out.add("METHOD:" + method);
    }

    private void event(Lines out, Booking b, Site site, Service service) {
        ZoneId zone = site.zone();
        out.add("BEGIN:VEVENT");
        out.add("UID:" + b.id() + "@" + uidDomain);
        out.add("SEQUENCE:" + b.sequence());
        out.add("DTSTAMP:" + UTC.format(b.updatedAt()));
        out.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.start(), zone)));
        out.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.end(), zone)));
        out.add("SUMMARY:" + text(service.name()));
        out.add("LOCATION:" + text(site.name()));
        StringBuilder description = new StringBuilder("Rendez-vous : ").append(service.name());
        if (b.people() > 1) {
            description.append("\nPersonnes : ").append(b.people());
        }
        if (b.antsNumber() != null) {
            description
                    .append("\nNuméro de pré-demande ANTS : ")
                    .append(b.antsNumber().value());
        }
        if (b.cancelReason() != null) {
            description.append("\nMotif d'annulation : ").append(b.cancelReason());
        }
        out.add("DESCRIPTION:" + text(description.toString()));
        boolean cancelled = b.status().cancelled();
        out.add("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        out.add("TRANSP:OPAQUE");
        out.add("END:VEVENT");
    }

    /** A VTIMEZONE from the zone's rules: the yearly DST rules when it has some, else its fixed offset. */
    static void timezone(Lines out, ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(at);
            ZoneOffsetTransition previous = rules.previousTransition(at);
            out.add("BEGIN:STANDARD");
            out.add("DTSTART:"
                    + LOCAL.format(
                            previous == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : previous.getDateTimeAfter()));
            out.add("TZOFFSETFROM:" + offset(previous == null ? offset : previous.getOffsetBefore()));
            out.add("TZOFFSETTO:" + offset(offset));
            out.add("END:STANDARD");
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition first = rule.createTransition(1970);
                String kind = rule.getOffsetAfter().getTotalSeconds()
                                > rule.getStandardOffset().getTotalSeconds()
                        ? "DAYLIGHT"
                        : "STANDARD";
                out.add("BEGIN:" + kind);
                out.add("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
                out.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
                out.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
                out.add("RRULE:" + rrule(rule));
                out.add("END:" + kind);
            }
        }
        out.add("END:VTIMEZONE");
    }

    private static String rrule(ZoneOffsetTransitionRule rule) {
        StringBuilder r =
                new StringBuilder("FREQ=YEARLY;BYMONTH=").append(rule.getMonth().getValue());
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dow == null) {
            return r.append(";BYMONTHDAY=").append(indicator).toString();
        }
        String day = dow.name().substring(0, 2);
        boolean lastOfMonth = indicator == -1
                || (indicator > 0
                        && rule.getMonth() != java.time.Month.FEBRUARY
                        && indicator + 6 == rule.getMonth().maxLength());
        if (lastOfMonth) {
            // "Sun>=25" in a 31-day month is the last Sunday: say it the way calendars expect.
            return r.append(";BYDAY=-1").append(day).toString();
        }
        r.append(";BYDAY=").append(day).append(";BYMONTHDAY=");
        for (int i = 0; i < 7; i++) {
            // "day >= n" (or "<= -n" from the end of the month): the seven days from n on.
            r.append(i == 0 ? "" : ",").append(indicator > 0 ? indicator + i : indicator - i);
        }
        return r.toString();
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String s = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
        return abs % 60 == 0 ? s : s + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    /** Escapes a TEXT value (RFC 5545 section 3.3.11). */
    public static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {}
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** Content lines, folded at 75 octets and ended by CRLF. */
    static final class Lines {
        private final StringBuilder sb = new StringBuilder(1024);

        void add(String line) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            int limit = 75;
            int start = 0;
            while (bytes.length - start > limit) {
                int end = start + limit;
                while ((bytes[end] & 0xC0) == 0x80) {
                    end--; // never cut inside a UTF-8 sequence
                }
                sb.append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                        .append("\r\n ");
                start = end;
                limit = 74; // the leading space of a continuation line counts
            }
            sb.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8))
                    .append("\r\n");
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
