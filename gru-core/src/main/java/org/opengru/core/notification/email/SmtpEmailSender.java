package org.opengru.core.notification.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.SendResult;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;

/**
 * The e-mail channel over SMTP with Jakarta Mail (Eclipse Angus): a {@code multipart/alternative} text
 * and HTML body inside a {@code multipart/mixed} with the attachments. The Message-ID is the notification
 * id at the domain of the commune's sender address ({@link SmtpSettings#from()}), so that a retried send is
 * recognisably the same message and a bounce finds its notification; {@code Auto-Submitted}
 * (RFC 3834) keeps auto-responders quiet. When a reply address is given for the notification (see {@link
 * org.opengru.core.inbound.ReplyTokens}), it goes in {@code Reply-To}, so that the usager's answer is
 * threaded into the request.
 *
 * <p>Failures: an address the server refuses is permanent (the notification falls back to the next
 * channel); a connection failure or a 4xx is retried. The Jakarta Mail session is per instance, never the
 * JVM-wide default.
 */
public final class SmtpEmailSender implements ChannelSender {

    /** Header carrying the notification id, for support and de-duplication. */
    public static final String NOTIFICATION_HEADER = "X-OpenGRU-Notification";

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;
    private final Function<Notification, @Nullable EmailAddress> replyTo;

    /**
     * A sender whose notifications about a request can be answered by e-mail.
     *
     * @param replyTo the reply address of a notification (its request's threading address), or null
     * @param settings how to reach the relay
     * @param clock the installation's clock (the Date header)
     */
    public SmtpEmailSender(SmtpSettings settings, Clock clock, Function<Notification, @Nullable EmailAddress> replyTo) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replyTo = Objects.requireNonNull(replyTo, "replyTo");
        this.session = Session.getInstance(properties(settings));
    }

    /**
     * A sender without reply threading.
     *
     * @param settings how to reach the relay
     * @param clock the installation's clock
     */
    public SmtpEmailSender(SmtpSettings settings, Clock clock) {
        this(settings, clock, n -> null);
    }

    /**
     * A Jakarta Mail session for the relay, as this sender opens it (protocol, timeouts, authentication,
     * STARTTLS or TLS with the server's identity checked), for a host sending mails of its own.
     *
     * @param settings the relay
     * @return a new session on it
     */
    public static Session session(SmtpSettings settings) {
        return Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String proto = s.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", proto);
        p.setProperty("mail." + proto + ".host", s.host());
        p.setProperty("mail." + proto + ".port", Integer.toString(s.port()));
        String ms = Long.toString(s.timeout().toMillis());
        p.setProperty("mail." + proto + ".connectiontimeout", ms);
        p.setProperty("mail." + proto + ".timeout", ms);
        p.setProperty("mail." + proto + ".writetimeout", ms);
        p.setProperty("mail." + proto + ".auth", Boolean.toString(s.username() != null));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.setProperty("mail." + proto + ".ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.charset", "UTF-8");
        return p;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public SendResult send(Notification n) {
        if (n.email() == null) {
            return SendResult.permanent("no e-mail address");
        }
        MimeMessage message;
        try {
            message = compose(n);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return SendResult.permanent("cannot compose the message: " + e.getMessage());
        }
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
            return SendResult.sent(message.getMessageID(), "accepted by " + settings.host());
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            boolean permanent = invalid != null && invalid.length > 0;
            return permanent
                    ? SendResult.permanent("address refused: " + e.getMessage())
                    : SendResult.retry(e.toString());
        } catch (MessagingException e) {
            return SendResult.retry("SMTP failure: " + e);
        }
    }

    /**
     * The MIME message of a notification (public for previews and tests).
     *
     * @param n the notification
     * @return the message, ready to send
     * @throws jakarta.mail.MessagingException when the message cannot be built
     * @throws java.io.UnsupportedEncodingException when the sender's name cannot be encoded
     */
    public MimeMessage compose(Notification n) throws MessagingException, UnsupportedEncodingException {
        // The commune's own domain (its sender address): a Message-ID's right part must be a domain.
        String from = settings.from().value();
        String messageId = "<" + n.id() + "@" + from.substring(from.lastIndexOf('@') + 1) + ">";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(settings.from().value(), settings.fromName(), "UTF-8"));
        m.setRecipient(
                Message.RecipientType.TO,
                strict(Objects.requireNonNull(n.email()).value()));
        EmailAddress reply = replyTo.apply(n);
        if (reply != null) {
            m.setReplyTo(new Address[] {strict(reply.value())});
        }
        m.setSubject(n.message().subject(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader(NOTIFICATION_HEADER, n.id().toString());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(n.message().text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(n.message().html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);

        if (n.attachments().isEmpty()) {
            m.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment a : n.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(
                        a.fileName(), StandardCharsets.UTF_8.name(), null));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    private static InternetAddress strict(String address) throws AddressException {
        InternetAddress a = new InternetAddress(address, true);
        a.validate();
        return a;
    }
}
