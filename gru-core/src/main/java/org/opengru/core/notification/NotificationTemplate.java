package org.opengru.core.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * The wording of one kind of notification in one register. Placeholders are {@code {{name}}}; each body
 * must contain the kind's mandatory mentions ({@link NotificationKind#mentions()}, {@link
 * NotificationKind#smsMentions()} for the SMS) and may use only the kind's placeholders. The HTML body is
 * optional: without it, the text body is laid out as paragraphs. Values are escaped in the HTML body.
 *
 * @param subject the e-mail subject and the inbox title
 * @param text the full text: e-mail text part, inbox body, postal letter
 * @param html the e-mail HTML part, or {@code null} to derive it from the text
 * @param sms the SMS text, short (a segment holds 160 GSM characters or 70 others)
 * @param kind the kind of notification
 * @param register the wording's register
 */
public record NotificationTemplate(
        NotificationKind kind,
        LanguageRegister register,
        String subject,
        String text,
        @Nullable String html,
        String sms) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    /**
     * Checks that each body holds the kind's mentions and only its placeholders.
     *
     * @param kind the kind of notification
     * @param register the wording's register
     * @param subject the e-mail subject and the inbox title
     * @param text the full text: e-mail text part, inbox body, postal letter
     * @param html the e-mail HTML part, or {@code null} to derive it from the text
     * @param sms the SMS text, short (a segment holds 160 GSM characters or 70 others)
     * @throws MissingMandatoryMentionException naming the body and the missing mentions
     * @throws org.opengru.core.error.ValidationException naming an unknown placeholder
     */
    public NotificationTemplate {
        Checks.required("template.kind", kind);
        Checks.required("template.register", register);
        subject = Checks.text("template.subject", subject, 200);
        text = Checks.text("template.text", text, 20_000);
        html = html == null ? null : Checks.text("template.html", html, 50_000);
        sms = Checks.text("template.sms", sms, 1000);
        checkPlaceholders(kind, "subject", subject);
        checkPlaceholders(kind, "text", text);
        checkPlaceholders(kind, "sms", sms);
        requireMentions(kind, "text", text, kind.mentions());
        requireMentions(kind, "sms", sms, kind.smsMentions());
        if (html != null) {
            checkPlaceholders(kind, "html", html);
            requireMentions(kind, "html", html, kind.mentions());
        }
    }

    /**
     * The placeholder names used in a body, in order of first use.
     *
     * @param body a body
     * @return the placeholders, without braces
     */
    public static Set<String> placeholders(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Pattern placeholderPattern() {
        return PLACEHOLDER;
    }

    private static void checkPlaceholders(NotificationKind kind, String body, String value) {
        for (String name : placeholders(value)) {
            if (!kind.allowedPlaceholders().contains(name)) {
                throw new ValidationException(
                        "template." + body,
                        "{{" + name + "}}",
                        "is not a placeholder of " + kind + " (allowed: " + kind.allowedPlaceholders() + ")");
            }
        }
    }

    private static void requireMentions(NotificationKind kind, String body, String value, List<String> mentions) {
        Set<String> present = placeholders(value);
        List<String> missing = new ArrayList<>();
        for (String m : mentions) {
            if (!present.contains(m)) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingMandatoryMentionException(kind, body, missing);
        }
    }
}
