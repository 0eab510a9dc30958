package org.opengru.core.inbound.imap;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.inbound.InboundAttachment;
import org.opengru.core.inbound.InboundMail;
import org.opengru.core.inbound.OversizedAttachmentException;

/** Reads a {@link MimeMessage} into an {@link InboundMail}, never holding more than the size limit per part. */
public final class MimeMails {

    private MimeMails() {}

    /**
     * The mail's parts. An attachment above {@code maxAttachmentBytes} stops the reading with an {@link
     * OversizedAttachmentException} (the caller quarantines the mail with {@link #headersOnly}).
     */
    public static InboundMail read(MimeMessage m, Instant fallbackReceivedAt, long maxAttachmentBytes)
            throws MessagingException, IOException, OversizedAttachmentException {
        List<InboundAttachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        walk(m, text, html, attachments, maxAttachmentBytes);
        String body = text.length() > 0 ? text.toString() : stripTags(html.toString());
        return mail(m, fallbackReceivedAt, body, attachments);
    }

    /** The mail's headers only, for quarantining a message that could not be read in full. */
    public static InboundMail headersOnly(MimeMessage m, Instant fallbackReceivedAt, String note)
            throws MessagingException {
        return mail(m, fallbackReceivedAt, note, List.of());
    }

    private static InboundMail mail(MimeMessage m, Instant fallback, String body, List<InboundAttachment> attachments)
            throws MessagingException {
        String messageId = m.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            messageId = "sha256:" + digest(m);
        }
        List<String> recipients = new ArrayList<>();
        addAll(recipients, safeRecipients(m, Message.RecipientType.TO));
        addAll(recipients, safeRecipients(m, Message.RecipientType.CC));
        for (String h : new String[] {"Delivered-To", "X-Original-To"}) {
            String[] values = m.getHeader(h);
            if (values != null) {
                for (String v : values) {
                    recipients.add(v.strip());
                }
            }
        }
        Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : fallback;
        return new InboundMail(
                messageId,
                from(m),
                recipients,
                m.getSubject() == null ? "" : m.getSubject(),
                body,
                attachments,
                received,
                m.getHeader("Authentication-Results", " ; "),
                m.getHeader("Auto-Submitted", ", "));
    }

    /** The From address if it is exactly one well-formed address; {@code null} otherwise. */
    private static @Nullable String from(MimeMessage m) throws MessagingException {
        String raw = m.getHeader("From", null);
        if (raw == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, true);
            return parsed.length == 1 ? parsed[0].getAddress() : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Address @Nullable [] safeRecipients(MimeMessage m, Message.RecipientType type) {
        try {
            return m.getRecipients(type);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static void addAll(List<String> out, Address @Nullable [] addresses) {
        if (addresses != null) {
            for (Address a : addresses) {
                out.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
    }

    private static void walk(
            Part part, StringBuilder text, StringBuilder html, List<InboundAttachment> attachments, long max)
            throws MessagingException, IOException, OversizedAttachmentException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, text, html, attachments, max);
            }
            return;
        }
        String fileName = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && text.length() == 0) {
            text.append(String.valueOf(part.getContent()));
            return;
        }
        if (!attachment && part.isMimeType("text/html") && html.length() == 0) {
            html.append(String.valueOf(part.getContent()));
            return;
        }
        if (!attachment) {
            return;
        }
        String name = fileName == null ? "piece-jointe" : fileName;
        byte[] content = readBounded(part.getInputStream(), max, name);
        String type = part.getContentType() == null ? "application/octet-stream" : part.getContentType();
        int semi = type.indexOf(';');
        attachments.add(new InboundAttachment(name, (semi >= 0 ? type.substring(0, semi) : type).strip(), content));
    }

    private static byte[] readBounded(InputStream in, long max, String name)
            throws IOException, OversizedAttachmentException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw new OversizedAttachmentException(name, total, max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    private static String digest(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (IOException | MessagingException | NoSuchAlgorithmException e) {
            return HexFormat.of()
                    .formatHex(String.valueOf(System.identityHashCode(m)).getBytes(StandardCharsets.US_ASCII));
        }
    }
}
