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
import org.jspecify.annotations.Nullable;
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
 * SEQUENCE grows with each change.
 *
 * <p>An {@linkplain #invitation invitation} is an iTIP message (RFC 5546) that calendar clients apply by
 * themselves: {@code METHOD:REQUEST} with the site as ORGANIZER and the resident as ATTENDEE, then {@code
 * METHOD:CANCEL} with {@code STATUS:CANCELLED} once the appointment is cancelled (or the hold expired).
 * A {@linkplain #appointment downloaded file} carries no method: it is imported, not answered.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String uidDomain;

    /**
     * A writer for one installation.
     *
     * @param uidDomain the domain that makes UIDs globally unique, for example {@code rdv.mairie-exemple.fr}
     */
    public ICalendarWriter(String uidDomain) {
        this.uidDomain = Objects.requireNonNull(uidDomain, "uidDomain");
    }

    /**
     * One appointment as a file the resident imports into a calendar (the portal's download): no METHOD,
     * no ORGANIZER nor ATTENDEE; {@code STATUS:CANCELLED} once cancelled.
     *
     * @param booking the booking
     * @param site its site
     * @param service its service (motif)
     * @return the iCalendar text
     */
    public String appointment(Booking booking, Site site, Service service) {
        Lines out = new Lines();
        header(out, null);
        timezone(out, site.zone(), booking.start());
        event(out, booking, site, service, null, null);
        out.add("END:VCALENDAR");
        return out.toString();
    }

    /**
     * One appointment as an invitation mailed to the resident (iMIP, RFC 6047): {@code METHOD:REQUEST}
     * while it stands, {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} once cancelled or expired; the
     * site organises (with the commune's address), the resident attends. Attach it with its {@link
     * ICalendar#contentType()}.
     *
     * @param booking the booking
     * @param site its site
     * @param service its service (motif)
     * @param organizer the site's appointment mailbox
     * @param attendee the resident
     * @return the invitation
     */
    public ICalendar invitation(
            Booking booking, Site site, Service service, CalendarUser organizer, CalendarUser attendee) {
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(attendee, "attendee");
        String method = cancelled(booking.status()) ? "CANCEL" : "REQUEST";
        Lines out = new Lines();
        header(out, method);
        timezone(out, site.zone(), booking.start());
        event(out, booking, site, service, organizer, attendee);
        out.add("END:VCALENDAR");
        return new ICalendar(method, out.toString());
    }

    /** Whether the appointment no longer takes place: every such calendar object says CANCELLED. */
    private static boolean cancelled(BookingStatus status) {
        return status.cancelled() || status == BookingStatus.EXPIRED;
    }

    /**
     * A desk's agenda: its appointments, cancelled ones marked so, for the agents' calendar.
     *
     * @param desk the desk
     * @param site its site
     * @param services the site's services, by id
     * @param bookings the desk's bookings
     * @return the iCalendar text
     */
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
                        out,
                        b,
                        site,
                        Objects.requireNonNull(services.get(b.service()), "service " + b.service()),
                        null,
                        null));
        out.add("END:VCALENDAR");
        return out.toString();
    }

    private static void header(Lines out, @Nullable String method) {
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:-//OpenGRU//Scheduling//FR");
        out.add("CALSCALE:GREGORIAN");
        if (method != null) {
            out.add("METHOD:" + method);
        }
    }

    private void event(
            Lines out,
            Booking b,
            Site site,
            Service service,
            @Nullable CalendarUser organizer,
            @Nullable CalendarUser attendee) {
        ZoneId zone = site.zone();
        out.add("BEGIN:VEVENT");
        out.add("UID:" + b.id() + "@" + uidDomain);
        out.add("SEQUENCE:" + b.sequence());
        out.add("DTSTAMP:" + UTC.format(b.updatedAt()));
        out.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.start(), zone)));
        out.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.end(), zone)));
        if (organizer != null) {
            out.add("ORGANIZER;CN=" + quoted(organizer.name()) + ":" + mailto(organizer));
        }
        if (attendee != null) {
            // The resident booked it: accepted already, no answer expected.
            out.add("ATTENDEE;CN=" + quoted(attendee.name())
                    + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:" + mailto(attendee));
        }
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
        out.add("STATUS:" + (cancelled(b.status()) ? "CANCELLED" : "CONFIRMED"));
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
            // FROM = TO: the one offset in force since that change. The offset before it (Réunion's local
            // mean time until 1911) matters to no appointment, and some readers (ical4j) apply it throughout.
            out.add("TZOFFSETFROM:" + offset(offset));
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

    /**
     * A parameter value (RFC 5545 section 3.2) always quoted, so that {@code ,;:} need no escape; a double
     * quote, which a quoted value cannot hold, becomes a single one, and control characters a space.
     */
    static String quoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c == '"' ? '\'' : c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return sb.append('"').toString();
    }

    /** A mailto URI (RFC 6068): what a URI cannot hold as is (%, /, ?, #, ^, {, |, }...) percent-encoded. */
    static String mailto(CalendarUser user) {
        StringBuilder sb = new StringBuilder("mailto:");
        for (byte b : user.email().value().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ".-_~!$&'*+=@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /**
     * Escapes a TEXT value (RFC 5545 section 3.3.11).
     *
     * @param value the text
     * @return the escaped text
     */
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
