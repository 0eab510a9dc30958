package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/**
 * The values of a request's form, by field name, as JSON-compatible values: strings, booleans, {@link
 * BigDecimal} numbers, lists and objects (maps with string keys) of those, nested at most four levels (a
 * group's item holding an address holding its position). Integers and doubles are turned into {@code
 * BigDecimal}, {@link LocalDate} into its ISO text; nulls are dropped. Immutable; checked against a {@link
 * DataSchema} by the lifecycle.
 */
public final class FormData {

    private static final FormData EMPTY = new FormData(Map.of());

    /** A group's item holding an address holding its position: {@code data.children[0].home.position.lat}. */
    private static final int MAX_DEPTH = 4;

    private final Map<String, Object> values;

    private FormData(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Data without values (a draft just started).
     *
     * @return the empty data
     */
    public static FormData empty() {
        return EMPTY;
    }

    /**
     * Form data from a map such as Jackson reads from JSON; unsupported value types are refused.
     *
     * @param values the values by field name
     * @return the data
     * @throws org.opengru.core.error.ValidationException naming the field whose value has an unsupported type or is
     *     nested too deep
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FormData of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank()) {
                throw new ValidationException("data", key, "field names must not be blank");
            }
            Object v = normalise("data." + key, e.getValue(), 0);
            if (v != null) {
                copy.put(key, v);
            }
        }
        return new FormData(Collections.unmodifiableMap(copy));
    }

    /**
     * Shorthand for small forms: {@code FormData.of("nom", "Martin", "age", 7)}.
     *
     * @param keyValues names and values, alternating
     * @return the data
     * @throws org.opengru.core.error.ValidationException naming the field whose value has an unsupported type
     */
    public static FormData of(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("FormData.of needs key/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(map);
    }

    private static @Nullable Object normalise(String field, @Nullable Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            if (!Double.isFinite(((Number) v).doubleValue())) {
                throw new ValidationException(field, v, "must be a finite number");
            }
            return new BigDecimal(v.toString());
        }
        if (v instanceof java.math.BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (depth >= MAX_DEPTH && (v instanceof List || v instanceof Map)) {
            throw new ValidationException(field, v, "nests more than " + MAX_DEPTH + " levels");
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object n = normalise(field + "[" + i + "]", list.get(i), depth + 1);
                if (n instanceof List) {
                    throw new ValidationException(field, v, "lists may not hold lists");
                }
                if (n != null) {
                    out.add(n);
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new ValidationException(field, v, "object keys must be strings");
                }
                Object n = normalise(field + "." + k, e.getValue(), depth + 1);
                if (n != null) {
                    out.put(k, n);
                }
            }
            return Collections.unmodifiableMap(out);
        }
        throw new ValidationException(
                field, v, "has an unsupported type " + v.getClass().getSimpleName());
    }

    /**
     * The value of a field, or {@code null} when absent.
     *
     * @param field the field's name
     * @return the value
     */
    public @Nullable Object get(String field) {
        return values.get(field);
    }

    /**
     * Whether the field has a value.
     *
     * @param field the field's name
     * @return {@code true} when present
     */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    /**
     * Every value, by field name, in insertion order.
     *
     * @return an unmodifiable map
     */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * This data with the other's values added or replacing ours.
     *
     * @param other the values to add
     * @return the merged data
     */
    public FormData merge(FormData other) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.putAll(other.values);
        return new FormData(Collections.unmodifiableMap(m));
    }

    /** This data with only the given values (used by the schema to store normalised values). */
    FormData with(Map<String, Object> normalised) {
        return new FormData(Collections.unmodifiableMap(new LinkedHashMap<>(normalised)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormData f && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FormData" + values.keySet();
    }
}
