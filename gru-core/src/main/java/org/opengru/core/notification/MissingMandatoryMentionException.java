package org.opengru.core.notification;

import java.util.List;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;

/**
 * A template refused because a body lacks a mention the law or the product requires, such as the means
 * of appeal in a decision or the deadline in a complement request. Nothing was changed.
 */
public class MissingMandatoryMentionException extends ValidationException {

    private final NotificationKind kind;
    private final List<String> missing;

    /**
     * A body refused for its missing mentions.
     *
     * @param kind the kind of notification
     * @param body which body: {@code text}, {@code html} or {@code sms}
     * @param missing the placeholders missing, without braces
     */
    public MissingMandatoryMentionException(NotificationKind kind, String body, List<String> missing) {
        super(List.of(Violation.of(
                "template." + body,
                kind,
                "lacks the mandatory mention(s) "
                        + missing.stream().map(m -> "{{" + m + "}}").toList())));
        this.kind = kind;
        this.missing = List.copyOf(missing);
    }

    /**
     * The kind whose template was refused.
     *
     * @return the kind
     */
    public NotificationKind kind() {
        return kind;
    }

    /**
     * The placeholders that are missing, without braces.
     *
     * @return the placeholders
     */
    public List<String> missing() {
        return missing;
    }
}
