package org.opengru.spring.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.inbound.ReplyTokens;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.inbound.imap.ImapSettings;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.SendResult;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.opengru.spring.core.InvalidTenantSetupException;
import org.springframework.util.unit.DataSize;

/**
 * The tenants' mail settings ({@code gru.tenants.<id>.mail}, inheriting {@code gru.defaults.mail}), checked
 * once at start: a missing or wrong value fails the start naming its property (a secret's value is never
 * shown). Gives each tenant's reply tokens, SMTP sender and IMAP mailbox.
 */
public final class GruMail {

    /** The reply hint of a tenant whose replies are read, when it sets none. */
    public static final String DEFAULT_REPLY_HINT = "Vous pouvez répondre à ce message.";

    /**
     * One tenant's mail.
     *
     * @param smtp its relay, or null
     * @param imap its reply mailbox, or null; with it, {@code replyTokens} and {@code replyAddress}
     * @param replyHint the {@code {{replyHint}}} of its notices
     */
    public record TenantMail(
            TenantId tenant,
            @Nullable SmtpSettings smtp,
            @Nullable ImapSettings imap,
            @Nullable ReplyTokens replyTokens,
            @Nullable EmailAddress replyAddress,
            String replyHint,
            Duration pollInterval,
            int pollBatch,
            int maxAttempts,
            int maxAttachments,
            long maxAttachmentBytes,
            long maxTotalBytes) {}

    private final Map<TenantId, TenantMail> tenants;

    private GruMail(Map<TenantId, TenantMail> tenants) {
        this.tenants = Collections.unmodifiableMap(tenants);
    }

    /** The tenants with a {@code mail} block, checked. */
    public static GruMail of(GruProperties properties) {
        Map<TenantId, TenantMail> out = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties tenant = properties.tenant(id);
            if (tenant.mail() != null) {
                out.put(TenantId.of(id), resolve(id, tenant));
            }
        }
        return new GruMail(out);
    }

    /** The tenants with a {@code mail} block, in id order. */
    public Map<TenantId, TenantMail> tenants() {
        return tenants;
    }

    /** The tenant's reply tokens (it has {@code mail.imap}), to sign the Reply-To of the mails it sends itself. */
    public Optional<ReplyTokens> replyTokens(TenantId tenant) {
        TenantMail mail = tenants.get(tenant);
        return Optional.ofNullable(mail == null ? null : mail.replyTokens());
    }

    /** Whether some tenant sends by SMTP. */
    public boolean sends() {
        return tenants.values().stream().anyMatch(t -> t.smtp() != null);
    }

    /**
     * The e-mail channel: each notification leaves by its tenant's relay, with the request's reply address
     * as Reply-To when the tenant reads replies; a tenant without a relay fails the attempt for good (the
     * notification falls back to its next channel).
     */
    public ChannelSender emailSender(Clock clock) {
        Map<TenantId, SmtpEmailSender> senders = new LinkedHashMap<>();
        tenants.forEach((id, mail) -> {
            if (mail.smtp() != null) {
                senders.put(
                        id,
                        mail.replyTokens() == null
                                ? new SmtpEmailSender(mail.smtp(), clock)
                                : new SmtpEmailSender(
                                        mail.smtp(),
                                        clock,
                                        mail.replyTokens().replyTo(Objects.requireNonNull(mail.replyAddress()))));
            }
        });
        return new ChannelSender() {
            @Override
            public NotificationChannel channel() {
                return NotificationChannel.EMAIL;
            }

            @Override
            public SendResult send(Notification n) {
                SmtpEmailSender sender = senders.get(n.tenant());
                return sender == null
                        ? SendResult.permanent("no gru.tenants." + n.tenant().value() + ".mail.smtp")
                        : sender.send(n);
            }
        };
    }

    /** The tenant's mailbox, or empty without {@code mail.imap}. */
    public Optional<ImapMailbox> mailbox(TenantId tenant, Clock clock) {
        TenantMail mail = tenants.get(tenant);
        return mail == null || mail.imap() == null
                ? Optional.empty()
                : Optional.of(new ImapMailbox(mail.imap(), clock, mail.maxAttempts()));
    }

    private static TenantMail resolve(String id, TenantProperties tenant) {
        String prefix = "gru.tenants." + id + ".mail.";
        TenantProperties.Mail mail = Objects.requireNonNull(tenant.mail());
        SmtpSettings smtp = mail.smtp() == null ? null : smtp(prefix + "smtp.", mail.smtp(), tenant.name());
        ImapSettings imap = mail.imap() == null ? null : imap(prefix + "imap.", mail.imap());
        ReplyTokens tokens = null;
        EmailAddress replyAddress = null;
        if (imap != null) {
            tokens = replyTokens(prefix + "reply-token-secret", mail);
            String address = required(prefix + "reply-address", mail.replyAddress());
            ReplyTokens signing = tokens;
            replyAddress = settings(prefix, prefix + "reply-address", () -> {
                EmailAddress parsed = EmailAddress.parse(address);
                signing.replyTo(parsed); // a local part too long for the token fails here, not at the first mail
                return parsed;
            });
        }
        String hint = mail.replyHint() != null ? mail.replyHint() : imap != null ? DEFAULT_REPLY_HINT : "";
        return new TenantMail(
                TenantId.of(id),
                smtp,
                imap,
                tokens,
                replyAddress,
                hint,
                mail.pollInterval() != null ? mail.pollInterval() : Duration.ofMinutes(1),
                mail.pollBatch() != null ? mail.pollBatch() : 50,
                mail.maxAttempts() != null ? mail.maxAttempts() : ImapMailbox.DEFAULT_MAX_ATTEMPTS,
                mail.maxAttachments() != null ? mail.maxAttachments() : 20,
                bytes(mail.maxAttachmentSize(), DataSize.ofMegabytes(10)),
                bytes(mail.maxTotalSize(), DataSize.ofMegabytes(25)));
    }

    private static long bytes(@Nullable DataSize size, DataSize fallback) {
        return (size != null ? size : fallback).toBytes();
    }

    /** The secret decoded; the messages never quote it. */
    private static ReplyTokens replyTokens(String property, TenantProperties.Mail mail) {
        if (mail.replyTokenSecret() == null) {
            throw new InvalidTenantSetupException(
                    property, "is required with mail.imap (openssl rand -base64 32; the value is not shown)", null);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(mail.replyTokenSecret().reveal().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantSetupException(property, "is not Base64 (the value is not shown)", null);
        }
        if (key.length < 32) {
            throw new InvalidTenantSetupException(
                    property, "holds " + key.length + " bytes, 32 at least (the value is not shown)", null);
        }
        return new ReplyTokens(key);
    }

    private static SmtpSettings smtp(String prefix, TenantProperties.Smtp smtp, @Nullable String tenantName) {
        TenantProperties.SmtpSecurity security =
                smtp.security() != null ? smtp.security() : TenantProperties.SmtpSecurity.STARTTLS;
        int port = smtp.port() != null
                ? smtp.port()
                : switch (security) {
                    case NONE -> 25;
                    case STARTTLS -> 587;
                    case TLS -> 465;
                };
        if ((smtp.username() == null) != (smtp.password() == null)) {
            throw new InvalidTenantSetupException(
                    prefix + (smtp.username() == null ? "username" : "password"),
                    "is required with " + prefix + (smtp.username() == null ? "password" : "username"),
                    null);
        }
        String fromName = smtp.fromName() != null ? smtp.fromName() : tenantName;
        return settings(
                prefix,
                prefix + "from",
                () -> new SmtpSettings(
                        required(prefix + "host", smtp.host()),
                        port,
                        SmtpSettings.Security.valueOf(security.name()),
                        smtp.username(),
                        smtp.password() == null ? null : smtp.password().reveal(),
                        EmailAddress.parse(required(prefix + "from", smtp.from())),
                        required(prefix + "from-name", fromName),
                        smtp.timeout() != null ? smtp.timeout() : Duration.ofSeconds(30)));
    }

    private static ImapSettings imap(String prefix, TenantProperties.Imap imap) {
        boolean tls = imap.tls() == null || imap.tls();
        String password = required(
                prefix + "password",
                imap.password() == null ? null : imap.password().reveal());
        return settings(
                prefix,
                prefix + "host",
                () -> new ImapSettings(
                        required(prefix + "host", imap.host()),
                        imap.port() != null ? imap.port() : tls ? 993 : 143,
                        tls,
                        required(prefix + "username", imap.username()),
                        password,
                        imap.folder() != null ? imap.folder() : "INBOX",
                        imap.processedFolder() != null ? imap.processedFolder() : "OpenGRU-traite",
                        imap.quarantineFolder() != null ? imap.quarantineFolder() : "OpenGRU-quarantaine",
                        imap.timeout() != null ? imap.timeout() : Duration.ofSeconds(30)));
    }

    /**
     * Builds the settings, a refused value reported under its property: gru-core names it {@code smtp.fromName},
     * the property is {@code <prefix>from-name}; a field without a dot (an address) is {@code otherwise}'s.
     */
    private static <T> T settings(String prefix, String otherwise, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            String field = e.field();
            String property = field.indexOf('.') < 0
                    ? otherwise
                    : prefix
                            + field.substring(field.indexOf('.') + 1)
                                    .replaceAll("([A-Z])", "-$1")
                                    .toLowerCase(java.util.Locale.ROOT);
            throw new InvalidTenantSetupException(property, e.getMessage(), e);
        }
    }

    private static String required(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantSetupException(property, "is required", null);
        }
        return value;
    }
}
