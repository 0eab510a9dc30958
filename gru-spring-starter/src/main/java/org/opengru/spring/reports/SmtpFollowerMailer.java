package org.opengru.spring.reports;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.reports.FollowerMailer;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportNotice;
import org.opengru.reports.ReportStatus;

/**
 * The e-mails to reporters without an account, through each tenant's relay ({@code gru.tenants.<id>.mail.smtp}),
 * sent at once: the verification link must reach the resident while they wait for it. A failure is an
 * {@link IllegalStateException}: the portal tells the resident, and the unverified report is purged when
 * its link expires.
 */
final class SmtpFollowerMailer implements FollowerMailer {

    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    private final Map<TenantId, SmtpSettings> relays;
    private final String confirmationUrl;
    private final String reportUrl;
    private final ZoneId zone;
    private final Clock clock;

    SmtpFollowerMailer(
            Map<TenantId, SmtpSettings> relays, String confirmationUrl, String reportUrl, ZoneId zone, Clock clock) {
        this.clock = clock;
        this.relays = Map.copyOf(relays);
        this.confirmationUrl = confirmationUrl;
        this.reportUrl = reportUrl;
        this.zone = zone;
    }

    boolean sendsFor(TenantId tenant) {
        return relays.containsKey(tenant);
    }

    @Override
    public void sendVerification(TenantId tenant, EmailAddress to, ReportId report, String token, Instant expiresAt) {
        send(
                tenant,
                to,
                "Confirmez votre signalement",
                "Bonjour,\n\nPour que votre signalement soit transmis au service concerné, confirmez votre adresse"
                        + " électronique en ouvrant ce lien :\n\n"
                        + confirmationUrl + "?jeton=" + token
                        + "\n\nCe lien est valable jusqu'au " + UNTIL.format(expiresAt.atZone(zone))
                        + ". Si vous n'avez rien signalé, ignorez ce message : rien ne sera enregistré.\n");
    }

    @Override
    public void sendStatus(TenantId tenant, EmailAddress to, ReportNotice notice) {
        ReportId shown = notice.mergedInto() != null ? notice.mergedInto() : notice.report();
        String what = notice.mergedInto() != null
                ? "Votre signalement rejoint un signalement du même problème, que vous suivez désormais. Il est "
                        + notice.status().french() + "."
                : notice.status() == ReportStatus.RECEIVED
                        ? "Votre signalement est reçu et transmis au service concerné."
                        : "Le signalement que vous suivez est maintenant "
                                + notice.status().french() + ".";
        send(
                tenant,
                to,
                "Votre signalement : " + notice.status().french(),
                "Bonjour,\n\n" + what + "\n\nSuivez-le ici : " + reportUrl + shown + "\n");
    }

    private void send(TenantId tenant, EmailAddress to, String subject, String text) {
        SmtpSettings s = relays.get(tenant);
        if (s == null) {
            throw new IllegalStateException(
                    "no gru.tenants." + tenant.value() + ".mail.smtp to send a report's e-mail");
        }
        Session session = SmtpEmailSender.session(s);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(s.from().value(), s.fromName(), "UTF-8"));
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to.value()));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            try (Transport transport = session.getTransport()) {
                transport.connect(s.host(), s.port(), s.username(), s.password());
                transport.sendMessage(m, m.getAllRecipients());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            // The address is personal data: the log names the tenant and the failure only.
            throw new IllegalStateException(
                    "a report's e-mail could not be sent by " + tenant.value() + "'s relay: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
