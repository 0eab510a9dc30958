package org.opengru.scheduling.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;

class ICalendarWriterTest {

    private static final TenantId TENANT = TenantId.of("commune-67482");
    private static final ICalendarWriter WRITER = new ICalendarWriter("rdv.strasbourg.example");
    private static final Service SERVICE = Service.builder(
                    TENANT, ServiceId.of("passeport"), "Passeport, carte d'identité; renouvellement")
            .duration(Duration.ofMinutes(20))
            .build();

    private static Site site(HolidayZone zone) {
        return Site.of(TENANT, SiteId.of("mairie"), "Mairie de quartier, 1 rue de l'Église\\Nord", zone);
    }

    private static Booking booking(ZoneId zone, BookingStatus status, int sequence, String reason) {
        Instant start = LocalDateTime.of(2026, 6, 9, 10, 0).atZone(zone).toInstant();
        return new Booking(
                BookingId.of(UUID.fromString("0190f5a2-7c1e-7d3a-8b4c-1234567890ab")),
                TENANT,
                SiteId.of("mairie"),
                SERVICE.id(),
                ResourceId.of("guichet-1"),
                UsagerId.of(UUID.randomUUID()),
                2,
                start,
                start.plus(Duration.ofMinutes(40)),
                start,
                start.plus(Duration.ofMinutes(45)),
                status,
                null,
                new AntsPreApplicationNumber("AB12CD34EF"),
                reason,
                sequence,
                null,
                "hash",
                start.minus(Duration.ofDays(3)),
                start.minus(Duration.ofDays(1)));
    }

    private static final CalendarUser MAIRIE =
            new CalendarUser("Mairie de quartier", EmailAddress.parse("rdv@strasbourg.example"));
    private static final CalendarUser LEA = new CalendarUser("Léa Martin", EmailAddress.parse("lea@exemple.fr"));

    @Test
    void writesAValidFoldedCalendarWithItsTimeZone() {
        Booking b = booking(ZoneId.of("Europe/Paris"), BookingStatus.BOOKED, 0, null);
        String ics = WRITER.invitation(b, site(HolidayZone.ALSACE_MOSELLE), SERVICE, MAIRIE, LEA)
                .text();

        assertWellFormed(ics);
        List<String> lines = unfold(ics);
        assertThat(lines).startsWith("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OpenGRU//Scheduling//FR");
        assertThat(lines)
                .contains(
                        "METHOD:REQUEST",
                        "UID:0190f5a2-7c1e-7d3a-8b4c-1234567890ab@rdv.strasbourg.example",
                        "SEQUENCE:0",
                        "DTSTART;TZID=Europe/Paris:20260609T100000",
                        "DTEND;TZID=Europe/Paris:20260609T104000",
                        "STATUS:CONFIRMED",
                        "DTSTAMP:20260608T080000Z");
        assertThat(lines)
                .containsSubsequence(
                        "BEGIN:VTIMEZONE",
                        "TZID:Europe/Paris",
                        "BEGIN:DAYLIGHT",
                        "TZOFFSETFROM:+0100",
                        "TZOFFSETTO:+0200",
                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                        "END:DAYLIGHT",
                        "BEGIN:STANDARD",
                        "TZOFFSETFROM:+0200",
                        "TZOFFSETTO:+0100",
                        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                        "END:STANDARD",
                        "END:VTIMEZONE",
                        "BEGIN:VEVENT");
        assertThat(lines)
                .contains(
                        "SUMMARY:Passeport\\, carte d'identité\\; renouvellement",
                        "LOCATION:Mairie de quartier\\, 1 rue de l'Église\\\\Nord");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("DESCRIPTION:")
                        .contains("\\nPersonnes : 2")
                        .contains("AB12CD34EF"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
    }

    @Test
    void aChangeRaisesTheSequenceAndACancellationSendsMethodCancel() {
        Booking cancelled = booking(
                ZoneId.of("Europe/Paris"),
                BookingStatus.CANCELLED_BY_AGENT,
                2,
                "Fermeture exceptionnelle de la mairie pour travaux de mise en accessibilité, veuillez reprendre rendez-vous en ligne");
        String ics = WRITER.invitation(cancelled, site(HolidayZone.METROPOLE), SERVICE, MAIRIE, LEA)
                .text();
        assertWellFormed(ics);
        List<String> lines = unfold(ics);
        assertThat(lines)
                .contains(
                        "METHOD:CANCEL",
                        "SEQUENCE:2",
                        "STATUS:CANCELLED",
                        "UID:0190f5a2-7c1e-7d3a-8b4c-1234567890ab@rdv.strasbourg.example");
        assertThat(ics.split("\r\n").length).isGreaterThan(lines.size()); // the long description was folded
    }

    @Test
    void zonesWithoutDaylightSavingAndWithOtherRules() {
        Booking reunion = booking(ZoneId.of("Indian/Reunion"), BookingStatus.BOOKED, 1, null);
        List<String> lines = unfold(WRITER.appointment(reunion, site(HolidayZone.LA_REUNION), SERVICE));
        assertThat(lines)
                .containsSubsequence("TZID:Indian/Reunion", "BEGIN:STANDARD", "TZOFFSETTO:+0400", "END:STANDARD");
        assertThat(lines)
                .contains("DTSTART;TZID=Indian/Reunion:20260609T100000")
                .doesNotContain("BEGIN:DAYLIGHT");

        Booking miquelon = booking(ZoneId.of("America/Miquelon"), BookingStatus.BOOKED, 1, null);
        List<String> spm = unfold(WRITER.appointment(miquelon, site(HolidayZone.SAINT_PIERRE_ET_MIQUELON), SERVICE));
        assertThat(spm)
                .contains(
                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14",
                        "TZOFFSETFROM:-0300",
                        "TZOFFSETTO:-0200");
    }

    @Test
    void anAgendaListsTheDesksAppointments() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Booking kept = booking(paris, BookingStatus.BOOKED, 0, null);
        Resource desk = new Resource(
                TENANT, ResourceId.of("guichet-1"), SiteId.of("mairie"), "Guichet 1", Set.of(SERVICE.id()));
        String ics = WRITER.agenda(desk, site(HolidayZone.METROPOLE), Map.of(SERVICE.id(), SERVICE), List.of(kept));
        assertWellFormed(ics);
        assertThat(unfold(ics))
                .contains("METHOD:PUBLISH")
                .filteredOn(l -> l.equals("BEGIN:VEVENT"))
                .hasSize(1);
    }

    @Test
    void foldsAt75OctetsWithoutSplittingACharacter() {
        ICalendarWriter.Lines out = new ICalendarWriter.Lines();
        String longValue = "DESCRIPTION:" + "é".repeat(100) + "x".repeat(80);
        out.add(longValue);
        String text = out.toString();
        assertWellFormed(text);
        assertThat(unfold(text)).containsExactly(longValue);
    }

    private static void assertWellFormed(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as("octets in %s", line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
    }

    /** RFC 5545 section 3.1: a CRLF followed by one space or tab continues the previous line. */
    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String physical : ics.split("\r\n")) {
            if (physical.startsWith(" ") || physical.startsWith("\t")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        return lines;
    }
}
