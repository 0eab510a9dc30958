package org.opengru.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * A request refused for a reason that retrying will not fix: names the field and the value (the reason
 * is the subclass's). Nothing was written.
 */
public abstract class RejectedException extends SchedulingException {

    private final String field;
    private final @Nullable String value;

    protected RejectedException(Enum<?> reason, String field, @Nullable Object value, String message) {
        super(reason + ": " + field + "=" + (value == null ? "<absent>" : "'" + value + "'") + ": " + message);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    public String field() {
        return field;
    }

    public @Nullable String value() {
        return value;
    }
}
