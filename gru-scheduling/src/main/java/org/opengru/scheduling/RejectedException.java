package org.opengru.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * A request refused for a reason that retrying will not fix: names the field and the value (the reason
 * is the subclass's). Nothing was written.
 */
public abstract class RejectedException extends SchedulingException {

    private final String field;
    private final @Nullable String value;

    /**
     * A refusal whose message reads {@code REASON: field='value': message}.
     *
     * @param reason the subclass's reason, first in the message so that logs can be grouped by it
     * @param field the field refused, as the caller named it
     * @param value the value refused, {@code null} when it was absent
     * @param message why the value is refused, in plain words
     */
    protected RejectedException(Enum<?> reason, String field, @Nullable Object value, String message) {
        super(reason + ": " + field + "=" + (value == null ? "<absent>" : "'" + value + "'") + ": " + message);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    /**
     * The field refused.
     *
     * @return the field's name, as the caller named it
     */
    public String field() {
        return field;
    }

    /**
     * The value refused.
     *
     * @return the value as text, {@code null} when it was absent
     */
    public @Nullable String value() {
        return value;
    }
}
