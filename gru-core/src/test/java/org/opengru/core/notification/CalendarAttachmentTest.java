package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;

/**
 * An appointment invitation is recognised by calendar clients only when its MIME part says {@code
 * text/calendar; method=REQUEST} (RFC 6047 section 2.4): the parameter must survive the attachment, the
 * outbox and the SMTP sender, as a real server (GreenMail) receives it.
 */
class CalendarAttachmentTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final TenantId T = TenantId.of("commune-test");
    static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:Carte d'identité\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final UsagerId usager = UsagerId.of(UUID.randomUUID());

    @Test
    void theMethodParameterReachesTheReceivedMimePart() throws Exception {
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
        prefs.save(new NotificationPreferences(
                T,
                usager,
                List.of(NotificationChannel.EMAIL),
                EmailAddress.parse("lea.martin@exemple.fr"),
                null,
                null,
                null,
                null,
                LanguageRegister.STANDARD));
        SmtpSettings smtp = new SmtpSettings(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                SmtpSettings.Security.NONE,
                null,
                null,
                EmailAddress.parse("rdv@commune-test.fr"),
                "Mairie de Test",
                Duration.ofSeconds(5));
        NotificationService service = NotificationService.builder(clock, outbox)
                .preferences(prefs)
                .sender(new SmtpEmailSender(smtp, clock))
                .build();
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(service.subscriber())
                .build();

        Attachment invitation = new Attachment(
                "rendez-vous.ics",
                "text/calendar; method=REQUEST; charset=UTF-8",
                ICS.getBytes(StandardCharsets.UTF_8));
        service.enqueue(new AppointmentNotice(
                EventId.of(UUID.randomUUID()),
                T,
                usager,
                NotificationKind.APPOINTMENT_BOOKED,
                clock.instant(),
                "rdv-1",
                AppointmentStatus.BOOKED,
                Instant.parse("2026-03-09T09:00:00Z"),
                Map.of("appointmentDate", "lundi 9 mars 2026 à 10h00", "place", "Mairie annexe"),
                List.of(invitation)));
        relay.drain(5);
        service.drain(5);

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        // Parsed again from the raw bytes the server received, not from the sender's objects.
        MimeMessage parsed = new MimeMessage(
                jakarta.mail.Session.getInstance(new Properties()),
                new ByteArrayInputStream(
                        GreenMailUtil.getWholeMessage(received[0]).getBytes(StandardCharsets.UTF_8)));
        BodyPart part = ((Multipart) parsed.getContent()).getBodyPart(1);
        ContentType type = new ContentType(part.getContentType());
        assertThat(type.getBaseType()).isEqualTo("text/calendar");
        assertThat(type.getParameter("method")).isEqualTo("REQUEST");
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(part.getFileName()).isEqualTo("rendez-vous.ics");
        assertThat(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(ICS);
    }

    @Test
    void mediaTypeParametersAreCheckedAndTheBareTypeIsKept() {
        Attachment a = new Attachment("x.ics", "text/calendar; method=CANCEL; charset=UTF-8", new byte[1]);
        assertThat(a.mediaType()).isEqualTo("text/calendar");
        assertThat(a.parameter("method")).contains("CANCEL");
        assertThat(new Attachment("a.pdf", "application/pdf", new byte[1]).parameter("method"))
                .isEmpty();
        for (String bad : List.of(
                "text/calendar; method=REQUEST\r\nBcc: x@y.fr",
                "text/calendar;",
                "text/calendar; method",
                "text/calendar; method=\"unterminated",
                "text/calendar method=REQUEST")) {
            assertThatThrownBy(() -> new Attachment("x.ics", bad, new byte[1]))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("attachment.contentType");
        }
    }
}
