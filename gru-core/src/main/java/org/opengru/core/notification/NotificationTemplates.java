package org.opengru.core.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.opengru.core.error.ValidationException;
import org.opengru.core.notification.internal.DefaultTemplates;
import org.opengru.core.tenancy.TenantId;

/**
 * The templates in force: OpenGRU's French defaults, which each commune may override per kind and
 * register. An override is a {@link NotificationTemplate}, so it is refused at once when it lacks a
 * mandatory mention. Instance-scoped and thread-safe; several communes share one instance.
 */
public final class NotificationTemplates {

    private record Key(TenantId tenant, NotificationKind kind, LanguageRegister register) {}

    private final Map<NotificationKind, Map<LanguageRegister, NotificationTemplate>> defaults =
            new EnumMap<>(NotificationKind.class);
    private final Map<Key, NotificationTemplate> overrides = new ConcurrentHashMap<>();

    private NotificationTemplates() {
        for (NotificationTemplate t : DefaultTemplates.all()) {
            defaults.computeIfAbsent(t.kind(), k -> new EnumMap<>(LanguageRegister.class))
                    .put(t.register(), t);
        }
    }

    /** The French defaults, without overrides. */
    public static NotificationTemplates defaults() {
        return new NotificationTemplates();
    }

    /** Replaces the commune's wording of one kind in one register. */
    public void override(TenantId tenant, NotificationTemplate template) {
        Objects.requireNonNull(template, "template");
        overrides.put(
                new Key(Objects.requireNonNull(tenant, "tenant"), template.kind(), template.register()), template);
    }

    /** The template in force for the commune. */
    public NotificationTemplate template(TenantId tenant, NotificationKind kind, LanguageRegister register) {
        NotificationTemplate t = overrides.get(new Key(tenant, kind, register));
        return t != null ? t : defaults.get(kind).get(register);
    }

    /**
     * Renders the commune's template with the values. Every placeholder the template uses needs a value
     * (a {@link ValidationException} names the missing one), except the common ones, which default to
     * empty. Values are HTML-escaped in the HTML body and kept on one line in the subject.
     */
    public RenderedMessage render(
            TenantId tenant, NotificationKind kind, LanguageRegister register, Map<String, String> values) {
        NotificationTemplate t = template(tenant, kind, register);
        String text = fill(t.text(), values, Mode.TEXT);
        String html = t.html() != null ? fill(t.html(), values, Mode.HTML) : paragraphs(t.text(), values);
        return new RenderedMessage(
                fill(t.subject(), values, Mode.LINE),
                text,
                html,
                fill(t.sms(), values, Mode.LINE).strip());
    }

    private enum Mode {
        TEXT,
        LINE,
        HTML
    }

    private static String fill(String body, Map<String, String> values, Mode mode) {
        Matcher m = NotificationTemplate.placeholderPattern().matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = values.get(name);
            if (v == null) {
                if (!NotificationKind.COMMON_PLACEHOLDERS.contains(name)) {
                    throw new ValidationException("notice.variables." + name, null, "is required by the template");
                }
                v = "";
            }
            if (mode == Mode.LINE) {
                v = v.replaceAll("[\\r\\n]+", " ");
            } else if (mode == Mode.HTML) {
                v = escape(v).replace("\n", "<br>");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The text template laid out as HTML paragraphs, values escaped. */
    private static String paragraphs(String textTemplate, Map<String, String> values) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");
        for (String para : textTemplate.split("\\n\\s*\\n")) {
            if (para.isBlank()) {
                continue;
            }
            // Escape the template's own text first, then fill (values escaped as they go in).
            String filled = fill(escape(para), values, Mode.HTML).replace("\n", "<br>");
            if (!filled.isBlank()) {
                html.append("<p>").append(filled).append("</p>");
            }
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
