package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.Iban;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.core.value.Siret;

/**
 * The typed form of a démarche: an ordered list of fields. A condition may only refer to a field declared
 * before it, so that the form reads top-down and no cycle can exist.
 */
public record DataSchema(@JsonValue List<FieldDefinition> fields) {

    private static final int DEFAULT_MAX_TEXT = 10_000;

    public DataSchema {
        fields = List.copyOf(Checks.required("schema.fields", fields));
        Set<String> seen = new HashSet<>();
        for (FieldDefinition f : fields) {
            if (f.when() != null && !seen.contains(f.when().field())) {
                throw new ValidationException(
                        "field." + f.name() + ".when", f.when().field(), "must refer to a field declared before it");
            }
            if (!seen.add(f.name())) {
                throw new ValidationException("schema.fields", f.name(), "is declared twice");
            }
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DataSchema of(List<FieldDefinition> fields) {
        return new DataSchema(fields);
    }

    public static DataSchema of(FieldDefinition... fields) {
        return new DataSchema(List.of(fields));
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Checks the data and returns it normalised (SIRET without spaces, phone in E.164, numbers as {@code
     * BigDecimal}...). With {@code complete} false (a draft), missing required fields are allowed but every
     * given value must be valid. Every problem is reported at once, each naming {@code data.<field>}.
     *
     * @throws ValidationException listing every refused value
     */
    public FormData validate(FormData data, boolean complete) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> normalised = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (FieldDefinition f : fields) {
            known.add(f.name());
            String path = "data." + f.name();
            @Nullable Object v = data.get(f.name());
            boolean applies = f.when() == null || f.when().test(data);
            if (!applies) {
                if (v != null) {
                    violations.add(Violation.of(path, v, "does not apply when " + describe(f.when())));
                }
                continue;
            }
            if (isEmpty(v)) {
                if (complete && f.required()) {
                    violations.add(Violation.of(path, null, "is required"));
                }
                continue;
            }
            try {
                normalised.put(f.name(), check(f, path, v));
            } catch (ValidationException e) {
                violations.add(
                        new Violation(path, e.value(), e.violations().get(0).reason()));
            }
        }
        for (String key : data.asMap().keySet()) {
            if (!known.contains(key)) {
                violations.add(Violation.of("data." + key, data.get(key), "is not a field of this démarche"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return data.with(normalised);
    }

    private static String describe(@Nullable Condition c) {
        return c == null ? "" : c.field() + " " + c.operator() + " " + c.values();
    }

    private static boolean isEmpty(@Nullable Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty());
    }

    private static Object check(FieldDefinition f, String path, Object v) {
        return switch (f.type()) {
            case TEXT -> {
                String s = asString(path, v);
                int max = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_TEXT;
                Checks.check(s.length() <= max, path, s, () -> "must be at most " + max + " characters");
                if (f.pattern() != null) {
                    Checks.check(
                            Pattern.compile(f.pattern()).matcher(s).matches(),
                            path,
                            s,
                            () -> "must match " + f.pattern());
                }
                yield s;
            }
            case NUMBER -> {
                BigDecimal d;
                if (v instanceof BigDecimal b) {
                    d = b;
                } else if (v instanceof String s) {
                    try {
                        d = new BigDecimal(s.strip().replace(',', '.'));
                    } catch (NumberFormatException e) {
                        throw new ValidationException(path, v, "must be a number");
                    }
                } else {
                    throw new ValidationException(path, v, "must be a number");
                }
                Checks.check(
                        f.min() == null || d.compareTo(f.min()) >= 0, path, d, () -> "must be at least " + f.min());
                Checks.check(f.max() == null || d.compareTo(f.max()) <= 0, path, d, () -> "must be at most " + f.max());
                yield d;
            }
            case DATE -> {
                String s = asString(path, v);
                LocalDate d;
                try {
                    d = LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new ValidationException(path, v, "must be a date as YYYY-MM-DD");
                }
                Checks.check(
                        f.minDate() == null || !d.isBefore(f.minDate()),
                        path,
                        s,
                        () -> "must not be before " + f.minDate());
                Checks.check(
                        f.maxDate() == null || !d.isAfter(f.maxDate()),
                        path,
                        s,
                        () -> "must not be after " + f.maxDate());
                yield d.toString();
            }
            case EMAIL -> new EmailAddress(asString(path, v)).value();
            case PHONE -> new PhoneNumber(asString(path, v)).value();
            case SIRET -> new Siret(asString(path, v)).value();
            case IBAN -> new Iban(asString(path, v)).value();
            case YES_NO -> {
                if (!(v instanceof Boolean)) {
                    throw new ValidationException(path, v, "must be true or false");
                }
                yield v;
            }
            case SINGLE_CHOICE -> {
                String s = asString(path, v);
                Checks.check(
                        f.choices() != null && f.choices().contains(s), path, s, () -> "must be one of " + f.choices());
                yield s;
            }
            case MULTIPLE_CHOICE -> {
                if (!(v instanceof List<?> list)) {
                    throw new ValidationException(path, v, "must be a list of choices");
                }
                Set<Object> distinct = new HashSet<>(list);
                Checks.check(distinct.size() == list.size(), path, v, "must not repeat a choice");
                for (Object o : list) {
                    Checks.check(
                            f.choices() != null && f.choices().contains(o),
                            path,
                            o,
                            () -> "must be among " + f.choices());
                }
                yield v;
            }
            case POSTAL_ADDRESS -> {
                if (!(v instanceof Map<?, ?> m)) {
                    throw new ValidationException(
                            path, v, "must be an address object {lines, postalCode, city, country}");
                }
                Object lines = m.get("lines");
                Object country = m.get("country");
                PostalAddress a = new PostalAddress(
                        lines instanceof List<?> l
                                ? l.stream().map(String::valueOf).toList()
                                : null,
                        m.get("postalCode") instanceof String pc ? pc : null,
                        m.get("city") instanceof String c ? c : null,
                        country instanceof String cs ? cs : "FR");
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("lines", a.lines());
                out.put("postalCode", a.postalCode());
                out.put("city", a.city());
                out.put("country", a.country());
                yield java.util.Collections.unmodifiableMap(out);
            }
        };
    }

    private static String asString(String path, Object v) {
        if (v instanceof String s) {
            return s.strip();
        }
        throw new ValidationException(path, v, "must be text");
    }
}
