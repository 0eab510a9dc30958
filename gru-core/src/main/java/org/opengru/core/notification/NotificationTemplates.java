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

    /**
     * The French defaults, without overrides.
     *
     * @return the templates
     */
    public static NotificationTemplates defaults() {
        return new NotificationTemplates();
    }

    /**
     * Replaces the commune's wording of one kind in one register.
     *
     * @param tenant the collectivité
     * @param template its wording
     */
    public void override(TenantId tenant, NotificationTemplate template) {
        Objects.requireNonNull(template, "template");
        overrides.put(
                new Key(Objects.requireNonNull(tenant, "tenant"), template.kind(), template.register()), template);
    }

    /**
     * The template in force for the commune.
     *
     * @param tenant the collectivité
     * @param kind the kind
     * @param register the register
     * @return the commune's override, else the default
     */
    public NotificationTemplate template(TenantId tenant, NotificationKind kind, LanguageRegister register) {
        NotificationTemplate t = overrides.get(new Key(tenant, kind, register));
        return t != null ? t : defaults.get(kind).get(register);
    }

    /**
     * Renders the commune's template with the values. Every placeholder the template uses needs a value
     * (a {@link ValidationException} names the missing one), except the common ones ({@link
     * NotificationKind#COMMON_PLACEHOLDERS}): one left without a value, or empty, takes its spacing with it,
     * so that the resident reads {@code Bonjour,} rather than {@code Bonjour ,}. Values are HTML-escaped in
     * the HTML body and kept on one line in the subject.
     *
     * @param tenant the collectivité
     * @param kind the kind
     * @param register the register
     * @param values the placeholders' values
     * @return the message for every channel
     */
    public RenderedMessage render(
            TenantId tenant, NotificationKind kind, LanguageRegister register, Map<String, String> values) {
        return render(tenant, kind, register, values, false);
    }

    /**
     * As {@link #render}, but every placeholder the template uses needs a value, the common ones included
     * (an empty value given on purpose is accepted): a test rendering a producer's notices this way names
     * the value the producer forgot.
     *
     * @param tenant the collectivité
     * @param kind the kind
     * @param register the register
     * @param values the placeholders' values
     * @return the message for every channel
     */
    public RenderedMessage renderStrictly(
            TenantId tenant, NotificationKind kind, LanguageRegister register, Map<String, String> values) {
        return render(tenant, kind, register, values, true);
    }

    private RenderedMessage render(
            TenantId tenant,
            NotificationKind kind,
            LanguageRegister register,
            Map<String, String> values,
            boolean strict) {
        NotificationTemplate t = template(tenant, kind, register);
        String text = fill(t.text(), values, Mode.TEXT, strict).stripTrailing();
        String html =
                t.html() != null ? fill(t.html(), values, Mode.HTML, strict) : paragraphs(t.text(), values, strict);
        return new RenderedMessage(
                fill(t.subject(), values, Mode.LINE, strict).strip(),
                text,
                html,
                fill(t.sms(), values, Mode.LINE, strict).strip());
    }

    private enum Mode {
        TEXT,
        LINE,
        HTML
    }

    private static String fill(String body, Map<String, String> values, Mode mode, boolean strict) {
        Matcher m = NotificationTemplate.placeholderPattern().matcher(body);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        while (m.find()) {
            String name = m.group(1);
            String v = values.get(name);
            if (v == null && (strict || !NotificationKind.COMMON_PLACEHOLDERS.contains(name))) {
                throw new ValidationException("notice.variables." + name, null, "is required by the template");
            }
            sb.append(body, pos, m.start());
            pos = m.end();
            if (v == null || v.isBlank()) {
                pos = closeUp(sb, body, pos);
                continue;
            }
            if (mode == Mode.LINE) {
                v = v.replaceAll("[\\r\\n]+", " ");
            } else if (mode == Mode.HTML) {
                v = escape(v).replace("\n", "<br>");
            }
            sb.append(v);
        }
        sb.append(body, pos, body.length());
        return sb.toString();
    }

    /**
     * Closes up the gap an empty optional value leaves: at the start of a line, the separator after it
     * goes ({@code {{commune}} : RDV} → {@code RDV}); before punctuation or the end of a line, the spaces
     * before it go ({@code Bonjour {{usagerName}},} → {@code Bonjour,}). Returns where the body resumes.
     */
    private static int closeUp(StringBuilder sb, String body, int pos) {
        int lineStart = sb.length();
        while (lineStart > 0 && (sb.charAt(lineStart - 1) == ' ' || sb.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        if (lineStart == 0 || sb.charAt(lineStart - 1) == '\n' || sb.charAt(lineStart - 1) == '>') {
            int next = pos;
            while (next < body.length() && (body.charAt(next) == ' ' || body.charAt(next) == '\t')) {
                next++;
            }
            if (next < body.length() && ":;,-–".indexOf(body.charAt(next)) >= 0) {
                next++;
                while (next < body.length() && (body.charAt(next) == ' ' || body.charAt(next) == '\t')) {
                    next++;
                }
                return next;
            }
            return pos;
        }
        char after = pos < body.length() ? body.charAt(pos) : '\n';
        if (",.;:!?)\r\n".indexOf(after) >= 0) {
            sb.setLength(lineStart);
        }
        return pos;
    }

    /** The text template laid out as HTML paragraphs, values escaped. */
    private static String paragraphs(String textTemplate, Map<String, String> values, boolean strict) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body>");
        for (String para : textTemplate.split("\\n\\s*\\n")) {
            if (para.isBlank()) {
                continue;
            }
            // Escape the template's own text first, then fill (values escaped as they go in).
            String filled = fill(escape(para), values, Mode.HTML, strict).replace("\n", "<br>");
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
