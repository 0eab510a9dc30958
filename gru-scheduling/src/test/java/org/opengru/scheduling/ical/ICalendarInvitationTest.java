package org.opengru.scheduling.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationEntry;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.Attachment;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;

/**
 * Invitations as calendar clients read them (RFC 5545, iTIP RFC 5546), checked by an independent parser
 * and validator (ical4j): ORGANIZER and ATTENDEE on REQUEST and CANCEL, STATUS:CANCELLED on every CANCEL,
 * UID and SEQUENCE, and start times that land on the same instant across clock changes and overseas zones
 * when the parser reads them through the VTIMEZONE we wrote.
 */
class ICalendarInvitationTest {

    static final TenantId T = TenantId.of("commune-97411");
    static final ICalendarWriter WRITER = new ICalendarWriter("rdv.saint-denis.example");
    static final Service CNI = Service.builder(T, ServiceId.of("cni"), "Carte d'identité")
            .duration(Duration.ofMinutes(20))
            .build();
    static final CalendarUser MAIRIE = new CalendarUser(
            "Mairie annexe \"La Source\"; accueil", EmailAddress.parse("rdv+annexe@saint-denis.example"));
    static final CalendarUser RESIDENT = new CalendarUser("Léa Martin", EmailAddress.parse("lea.martin@exemple.fr"));

    static Site site(HolidayZone zone) {
        return Site.of(T, SiteId.of("annexe"), "Mairie annexe, La Source", zone);
    }

    static Booking booking(Site site, LocalDateTime local, BookingStatus status, int sequence) {
        Instant start = local.atZone(site.zone()).toInstant();
        return new Booking(
                BookingId.of(UUID.fromString("0190f5a2-7c1e-7d3a-8b4c-1234567890ab")),
                T,
                site.id(),
                CNI.id(),
                ResourceId.of("guichet-1"),
                UsagerId.of(UUID.randomUUID()),
                1,
                start,
                start.plus(Duration.ofMinutes(20)),
                start,
                start.plus(Duration.ofMinutes(20)),
                status,
                null,
                null,
                null,
                sequence,
                null,
                "hash",
                start.minus(Duration.ofDays(3)),
                start.minus(Duration.ofDays(1)));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static VEvent event(Calendar c) {
        return (VEvent) c.getComponent("VEVENT").orElseThrow();
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    static List<ValidationEntry> errors(Calendar c, String method) throws Exception {
        List<ValidationEntry> all = new java.util.ArrayList<>(c.validate().getEntries());
        all.addAll(new ITIPValidator().validate(c).getEntries());
        all.addAll(event(c).validate(new Method(method)).getEntries());
        return all.stream()
                .filter(v -> v.getSeverity() == ValidationEntry.Severity.ERROR)
                .toList();
    }

    /** docs/scheduling.md: the invitation mailed to the resident, as an e-mail attachment, as written there. */
    @Test
    void theDocumentedInvitationIsAnAttachmentCarryingItsMethod() {
        ICalendarWriter writer = WRITER;
        Site site = site(HolidayZone.METROPOLE);
        Booking booking = booking(site, LocalDateTime.of(2026, 6, 9, 10, 0), BookingStatus.BOOKED, 0);
        Service service = CNI;
        // tag::invitation[]
        ICalendar invitation = writer.invitation(
                booking,
                site,
                service,
                new CalendarUser(site.name(), EmailAddress.parse("rdv@mairie-exemple.fr")),
                new CalendarUser("Léa Martin", EmailAddress.parse("lea.martin@exemple.fr")));
        // text/calendar; method=REQUEST; charset=UTF-8
        Attachment ics = new Attachment("rendez-vous.ics", invitation.contentType(), invitation.bytes());
        // end::invitation[]
        assertThat(ics.contentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(new String(ics.content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("METHOD:REQUEST", "mailto:rdv@mairie-exemple.fr");
    }

    @Test
    void aRequestNamesTheSiteAsOrganizerAndTheResidentAsAttendee() throws Exception {
        Site site = site(HolidayZone.METROPOLE);
        ICalendar invitation = WRITER.invitation(
                booking(site, LocalDateTime.of(2026, 6, 9, 10, 0), BookingStatus.BOOKED, 0),
                site,
                CNI,
                MAIRIE,
                RESIDENT);

        assertThat(invitation.method()).isEqualTo("REQUEST");
        assertThat(invitation.contentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        Calendar c = parse(invitation.text());
        assertThat(errors(c, "REQUEST")).isEmpty();
        assertThat(c.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent e = event(c);
        Property organizer = e.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:rdv+annexe@saint-denis.example");
        assertThat(organizer.<Parameter>getParameter(Parameter.CN).orElseThrow().getValue())
                .isEqualTo("Mairie annexe 'La Source'; accueil");
        Property attendee = e.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:lea.martin@exemple.fr");
        assertThat(attendee.<Parameter>getParameter(Parameter.CN).orElseThrow().getValue())
                .isEqualTo("Léa Martin");
        assertThat(attendee.<Parameter>getParameter(Parameter.PARTSTAT)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("ACCEPTED");
        assertThat(value(e, Property.UID)).isEqualTo("0190f5a2-7c1e-7d3a-8b4c-1234567890ab@rdv.saint-denis.example");
        assertThat(value(e, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(e, Property.STATUS)).isEqualTo("CONFIRMED");
    }

    @Test
    void everyCancelIsCancelledWithTheSameUidAndALaterSequence() throws Exception {
        Site site = site(HolidayZone.METROPOLE);
        for (BookingStatus status :
                List.of(BookingStatus.CANCELLED_BY_USAGER, BookingStatus.CANCELLED_BY_AGENT, BookingStatus.EXPIRED)) {
            ICalendar cancel = WRITER.invitation(
                    booking(site, LocalDateTime.of(2026, 6, 9, 10, 0), status, 3), site, CNI, MAIRIE, RESIDENT);
            assertThat(cancel.contentType()).as("%s", status).isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
            Calendar c = parse(cancel.text());
            assertThat(errors(c, "CANCEL")).as("%s", status).isEmpty();
            assertThat(c.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
            VEvent e = event(c);
            assertThat(value(e, Property.STATUS)).as("%s", status).isEqualTo("CANCELLED");
            assertThat(value(e, Property.SEQUENCE)).isEqualTo("3");
            assertThat(value(e, Property.UID))
                    .isEqualTo("0190f5a2-7c1e-7d3a-8b4c-1234567890ab@rdv.saint-denis.example");
            assertThat(value(e, Property.ORGANIZER)).isEqualTo("mailto:rdv+annexe@saint-denis.example");
            assertThat(value(e, Property.ATTENDEE)).isEqualTo("mailto:lea.martin@exemple.fr");
        }
    }

    @Test
    void aDownloadedFileCarriesNoMethodAndSaysCancelledOnceCancelled() throws Exception {
        Site site = site(HolidayZone.METROPOLE);
        for (BookingStatus status :
                List.of(BookingStatus.BOOKED, BookingStatus.CANCELLED_BY_AGENT, BookingStatus.EXPIRED)) {
            Calendar c =
                    parse(WRITER.appointment(booking(site, LocalDateTime.of(2026, 6, 9, 10, 0), status, 1), site, CNI));
            assertThat(c.validate().getEntries())
                    .filteredOn(v -> v.getSeverity() == ValidationEntry.Severity.ERROR)
                    .isEmpty();
            assertThat(c.getProperty(Property.METHOD)).isEmpty();
            assertThat(event(c).getProperty(Property.ORGANIZER)).isEmpty();
            assertThat(value(event(c), Property.STATUS))
                    .isEqualTo(status == BookingStatus.BOOKED ? "CONFIRMED" : "CANCELLED");
        }
    }

    /**
     * Each start is read back by the parser through our VTIMEZONE only: its TZID is renamed to one no
     * registry knows, so a wrong offset or rule in what we wrote shows as another instant.
     */
    @Test
    void startTimesAreExactAcrossClockChangesAndOverseasZones() throws Exception {
        record Case(HolidayZone zone, LocalDateTime local) {}
        List<Case> cases = List.of(
                new Case(HolidayZone.METROPOLE, LocalDateTime.of(2026, 3, 29, 10, 0)), // spring forward that day
                new Case(HolidayZone.METROPOLE, LocalDateTime.of(2026, 10, 25, 10, 0)), // fall back that day
                new Case(HolidayZone.METROPOLE, LocalDateTime.of(2026, 10, 24, 16, 30)),
                new Case(HolidayZone.METROPOLE, LocalDateTime.of(2026, 12, 15, 9, 0)),
                new Case(HolidayZone.SAINT_PIERRE_ET_MIQUELON, LocalDateTime.of(2026, 3, 8, 9, 0)),
                new Case(HolidayZone.SAINT_PIERRE_ET_MIQUELON, LocalDateTime.of(2026, 11, 1, 14, 0)),
                new Case(HolidayZone.LA_REUNION, LocalDateTime.of(2026, 6, 9, 8, 0)),
                new Case(HolidayZone.MAYOTTE, LocalDateTime.of(2026, 6, 9, 8, 0)),
                new Case(HolidayZone.GUYANE, LocalDateTime.of(2026, 10, 25, 10, 0)),
                new Case(HolidayZone.MARTINIQUE, LocalDateTime.of(2026, 3, 29, 10, 0)),
                new Case(HolidayZone.NOUVELLE_CALEDONIE, LocalDateTime.of(2026, 1, 5, 7, 30)),
                new Case(HolidayZone.POLYNESIE_FRANCAISE, LocalDateTime.of(2026, 7, 14, 8, 0)));
        for (Case k : cases) {
            Site site = site(k.zone());
            Booking b = booking(site, k.local(), BookingStatus.BOOKED, 0);
            String ics = WRITER.invitation(b, site, CNI, MAIRIE, RESIDENT).text();
            String renamed = ics.replace("TZID:" + site.zone().getId(), "TZID:X-OpenGRU-Site")
                    .replace("TZID=" + site.zone().getId() + ":", "TZID=X-OpenGRU-Site:");
            for (String text : List.of(ics, renamed)) {
                VEvent e = event(parse(text));
                Temporal start = e.getStartDate().orElseThrow().getDate();
                Temporal end = e.getEndDate(false).orElseThrow().getDate();
                assertThat(Instant.from(start))
                        .as("%s %s", k, text.equals(ics) ? "" : "renamed")
                        .isEqualTo(b.start());
                assertThat(Instant.from(end)).as("%s end", k).isEqualTo(b.end());
            }
        }
    }
}
