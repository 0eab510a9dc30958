package org.opengru.core.catalogue;

import static org.opengru.core.catalogue.FieldRefusal.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.Iban;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.core.value.Siret;

/**
 * Checks and normalises a form against its schema, collecting every refusal (with its code and French
 * reason) rather than stopping at the first. One instance per validation; not thread-safe.
 */
final class FormValidator {

    static final String VERIFIED = "VERIFIED";
    static final String UNVERIFIED = "UNVERIFIED";

    private static final int DEFAULT_MAX_TEXT = 10_000;
    private static final int MAX_COMMUNE_NAME = 100;
    private static final int MAX_DOCUMENT_REF = 200;
    /** Degrees to 7 decimals: about a centimetre, more than any device gives. */
    static final int COORDINATE_SCALE = 7;

    private static final Pattern COMPACT_SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    /**
     * A commune's COG code: a département (01-95 without 20, Corsica 2A/2B) and 3 digits, or an overseas
     * département or collectivité (971-978, 984, 986-989) and 2 digits; never a country (99) nor number 000.
     */
    private static final Pattern COG_COMMUNE = Pattern.compile(
            "(?:(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])(?!000)[0-9]{3}|(?:97[1-8]|98[46-9])(?!00)[0-9]{2})");

    private static final Set<String> ADDRESS_KEYS =
            Set.of("lines", "postalCode", "city", "citycode", "position", "verification");
    private static final Set<String> POINT_KEYS = Set.of("lat", "lon", "accuracy");
    private static final Set<String> POSITION_KEYS = Set.of("lat", "lon");
    private static final Set<String> COMMUNE_KEYS = Set.of("code", "name");
    private static final Set<String> FILE_KEYS = Set.of("type", "documentRef");
    private static final Set<String> RANGE_KEYS = Set.of("start", "end");

    private final boolean complete;
    private final List<Violation> violations = new ArrayList<>();

    FormValidator(boolean complete) {
        this.complete = complete;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Whether a text is a commune's COG code (upper case). */
    static boolean isCommuneCode(String code) {
        return COG_COMMUNE.matcher(code).matches();
    }

    /**
     * The normalised values of one form (or one item of a group), each field named {@code prefix + name}.
     * Conditions see the values of earlier fields once normalised.
     */
    Map<String, Object> form(DataSchema schema, Map<String, ?> data, String prefix) {
        Map<String, @Nullable Object> view = new HashMap<>(data);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDefinition f : schema.fields()) {
            String path = prefix + f.name();
            @Nullable Object v = data.get(f.name());
            Condition when = f.when();
            if (when != null && !when.test(view)) {
                view.remove(f.name());
                if (!Condition.isEmpty(v)) {
                    refuse(
                            path,
                            v,
                            "does not apply when " + when.field() + " " + when.operator() + " " + when.values(),
                            NOT_APPLICABLE);
                }
                continue;
            }
            if (Condition.isEmpty(v)) {
                view.remove(f.name());
                if (complete && f.required()) {
                    refuse(path, null, "is required", REQUIRED);
                }
                continue;
            }
            int before = violations.size();
            @Nullable Object normalised = value(f, path, v);
            if (normalised != null && violations.size() == before) {
                out.put(f.name(), normalised);
                view.put(f.name(), normalised);
            }
        }
        for (Map.Entry<String, ?> e : data.entrySet()) {
            if (schema.field(e.getKey()).isEmpty()) {
                refuse(prefix + e.getKey(), e.getValue(), "is not a field of this démarche", UNKNOWN_FIELD);
            }
        }
        return out;
    }

    private @Nullable Object value(FieldDefinition f, String path, Object v) {
        return switch (f.type()) {
            case TEXT -> text(f, path, v);
            case NUMBER -> number(f, path, v);
            case DATE -> date(f, path, v);
            case EMAIL -> email(path, v);
            case PHONE -> phone(path, v);
            case SIRET -> siret(path, v);
            case IBAN -> iban(path, v);
            case YES_NO -> v instanceof Boolean ? v : refuse(path, v, "must be true or false", YES_NO_INVALID);
            case SINGLE_CHOICE -> singleChoice(f, path, v);
            case MULTIPLE_CHOICE -> multipleChoice(f, path, v);
            case POSTAL_ADDRESS -> postalAddress(path, v);
            case ADDRESS -> address(f, path, v);
            case GEO_POINT -> point(f, path, v);
            case COMMUNE -> commune(path, v);
            case REPEATED_GROUP -> group(f, path, v);
            case FILE -> file(f, path, v);
            case DATE_RANGE -> dateRange(f, path, v);
        };
    }

    // ---- plain values --------------------------------------------------------------------------------

    private @Nullable Object text(FieldDefinition f, String path, Object v) {
        String s = string(path, v);
        if (s == null) {
            return null;
        }
        int max = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_TEXT;
        if (s.length() > max) {
            return refuse(path, s, "must be at most " + max + " characters", TEXT_TOO_LONG, max);
        }
        if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(s).matches()) {
            return refuse(path, s, "must match " + f.pattern(), TEXT_PATTERN);
        }
        return s;
    }

    private @Nullable Object number(FieldDefinition f, String path, Object v) {
        BigDecimal d = decimal(v);
        if (d == null) {
            return refuse(path, v, "must be a number", NUMBER_INVALID);
        }
        if (f.min() != null && d.compareTo(f.min()) < 0) {
            return refuse(path, d, "must be at least " + f.min(), NUMBER_TOO_SMALL, f.min());
        }
        if (f.max() != null && d.compareTo(f.max()) > 0) {
            return refuse(path, d, "must be at most " + f.max(), NUMBER_TOO_LARGE, f.max());
        }
        return d;
    }

    private @Nullable Object date(FieldDefinition f, String path, Object v) {
        LocalDate d = localDate(v);
        if (d == null) {
            return refuse(path, v, "must be a date as YYYY-MM-DD", DATE_INVALID);
        }
        return withinDates(f, path, v, d, d) ? d.toString() : null;
    }

    private boolean withinDates(FieldDefinition f, String path, Object v, LocalDate first, LocalDate last) {
        if (f.minDate() != null && first.isBefore(f.minDate())) {
            refuse(path, v, "must not be before " + f.minDate(), DATE_TOO_EARLY, f.minDate());
            return false;
        }
        if (f.maxDate() != null && last.isAfter(f.maxDate())) {
            refuse(path, v, "must not be after " + f.maxDate(), DATE_TOO_LATE, f.maxDate());
            return false;
        }
        return true;
    }

    private @Nullable Object email(String path, Object v) {
        String s = string(path, v);
        try {
            return s == null ? null : new EmailAddress(s).value();
        } catch (ValidationException e) {
            return refuse(path, s, e, EMAIL_INVALID);
        }
    }

    private @Nullable Object phone(String path, Object v) {
        String s = string(path, v);
        try {
            return s == null ? null : new PhoneNumber(s).value();
        } catch (ValidationException e) {
            return refuse(path, s, e, PHONE_INVALID);
        }
    }

    private @Nullable Object siret(String path, Object v) {
        String s = string(path, v);
        try {
            return s == null ? null : new Siret(s).value();
        } catch (ValidationException e) {
            boolean digits =
                    COMPACT_SIRET.matcher(s.replaceAll("[\\s.\\u00a0]", "")).matches();
            return refuse(path, s, e, digits ? SIRET_CHECKSUM : SIRET_FORMAT);
        }
    }

    private @Nullable Object iban(String path, Object v) {
        String s = string(path, v);
        try {
            return s == null ? null : new Iban(s).value();
        } catch (ValidationException e) {
            String compact = s.replaceAll("[\\s\\u00a0]", "").toUpperCase(java.util.Locale.ROOT);
            return refuse(path, s, e, IBAN_SHAPE.matcher(compact).matches() ? IBAN_CHECKSUM : IBAN_FORMAT);
        }
    }

    private @Nullable Object singleChoice(FieldDefinition f, String path, Object v) {
        String s = string(path, v);
        if (s != null && (f.choices() == null || !f.choices().contains(s))) {
            return refuse(path, s, "must be one of " + f.choices(), CHOICE_INVALID);
        }
        return s;
    }

    private @Nullable Object multipleChoice(FieldDefinition f, String path, Object v) {
        if (!(v instanceof List<?> list)) {
            return refuse(path, v, "must be a list of choices", CHOICE_INVALID);
        }
        if (new HashSet<>(list).size() != list.size()) {
            return refuse(path, v, "must not repeat a choice", CHOICE_REPEATED);
        }
        for (Object o : list) {
            if (f.choices() == null || !f.choices().contains(o)) {
                return refuse(path, o, "must be among " + f.choices(), CHOICE_INVALID);
            }
        }
        return v;
    }

    // ---- addresses -----------------------------------------------------------------------------------

    private @Nullable Object postalAddress(String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return refuse(path, v, "must be an address object {lines, postalCode, city, country}", ADDRESS_INCOMPLETE);
        }
        PostalAddress a;
        try {
            a = new PostalAddress(
                    lines(m.get("lines")),
                    m.get("postalCode") instanceof String pc ? pc : null,
                    m.get("city") instanceof String c ? c : null,
                    m.get("country") instanceof String cs ? cs : "FR");
        } catch (ValidationException e) {
            return refuse(path, v, e, addressRefusal(e));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", a.lines());
        out.put("postalCode", a.postalCode());
        out.put("city", a.city());
        out.put("country", a.country());
        return Collections.unmodifiableMap(out);
    }

    private @Nullable Object address(FieldDefinition f, String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return refuse(path, v, "must be an address object {lines, postalCode, city, citycode}", ADDRESS_INCOMPLETE);
        }
        if (!knownKeys(path, m, ADDRESS_KEYS, "an address")) {
            return null;
        }
        PostalAddress a;
        try {
            a = PostalAddress.france(
                    lines(m.get("lines")),
                    m.get("postalCode") instanceof String pc ? pc : null,
                    m.get("city") instanceof String c ? c : null);
        } catch (ValidationException e) {
            return refuse(path, v, e, addressRefusal(e));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", a.lines());
        out.put("postalCode", a.postalCode());
        out.put("city", a.city());
        Object citycode = m.get("citycode");
        if (citycode != null) {
            String code = communeCode(path, citycode);
            if (code == null) {
                return null;
            }
            out.put("citycode", code);
        }
        Object position = m.get("position");
        if (position != null) {
            if (!(position instanceof Map<?, ?> p) || !knownKeys(path, p, POSITION_KEYS, "a position")) {
                return position instanceof Map ? null : refuse(path, position, "must be {lat, lon}", POINT_INVALID);
            }
            Map<String, Object> point = coordinates(path, p);
            if (point == null) {
                return null;
            }
            out.put("position", point);
        }
        Object verification = m.get("verification");
        if (verification != null) {
            if (!f.verify() || !(VERIFIED.equals(verification) || UNVERIFIED.equals(verification))) {
                return refuse(path, verification, "must be VERIFIED or UNVERIFIED on a field to verify", WRONG_KIND);
            }
            if (VERIFIED.equals(verification) && (citycode == null || position == null)) {
                return refuse(path, v, "a verified address has its citycode and position", WRONG_KIND);
            }
            out.put("verification", verification);
        } else if (f.verify() && complete) {
            return refuse(path, v, "was not checked by AddressCheck", ADDRESS_UNCHECKED);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Lines as a list, or one text (a text area: one line each, blank ones dropped). */
    private static @Nullable List<String> lines(@Nullable Object lines) {
        if (lines instanceof String s) {
            return Arrays.stream(s.split("\\R")).filter(l -> !l.isBlank()).toList();
        }
        return lines instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
    }

    private static FieldRefusal addressRefusal(ValidationException e) {
        String reason = e.violations().get(0).reason();
        if (reason.equals("is required") || reason.equals("must not be blank")) {
            return ADDRESS_INCOMPLETE;
        }
        return switch (e.field()) {
            case "address.postalCode" -> ADDRESS_POSTAL_CODE;
            case "address.country" -> ADDRESS_COUNTRY;
            default -> ADDRESS_LINES;
        };
    }

    // ---- points and communes -------------------------------------------------------------------------

    private @Nullable Object point(FieldDefinition f, String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return refuse(path, v, "must be a point {lat, lon, accuracy}", POINT_INVALID);
        }
        if (!knownKeys(path, m, POINT_KEYS, "a point")) {
            return null;
        }
        Map<String, Object> out = coordinates(path, m);
        if (out == null) {
            return null;
        }
        Object accuracy = m.get("accuracy");
        if (accuracy != null) {
            BigDecimal metres = decimal(accuracy);
            if (metres == null || metres.signum() < 0) {
                return refuse(path, accuracy, "accuracy must be a number of metres, 0 or more", POINT_ACCURACY);
            }
            if (f.maxAccuracy() != null && metres.compareTo(f.maxAccuracy()) > 0) {
                return refuse(
                        path, accuracy, "accuracy must be at most " + f.maxAccuracy() + " m", POINT_IMPRECISE, metres);
            }
            out.put("accuracy", plain(metres.setScale(1, RoundingMode.HALF_EVEN)));
        }
        GeoBounds bounds = f.bounds();
        if (bounds != null
                && !bounds.contains(
                        ((BigDecimal) out.get("lat")).doubleValue(), ((BigDecimal) out.get("lon")).doubleValue())) {
            return refuse(path, v, "lies outside the bounds of the field", POINT_OUTSIDE);
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code {lat, lon}} in range, to 7 decimals; null after refusing. */
    private @Nullable Map<String, Object> coordinates(String path, Map<?, ?> m) {
        BigDecimal lat = decimal(m.get("lat"));
        BigDecimal lon = decimal(m.get("lon"));
        if (lat == null || lon == null) {
            refuse(path, m, "must have a numeric lat and lon", POINT_INVALID);
            return null;
        }
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            refuse(path, m, "lat must be within ±90 and lon within ±180", POINT_OUT_OF_RANGE);
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lat", plain(lat.setScale(COORDINATE_SCALE, RoundingMode.HALF_EVEN)));
        out.put("lon", plain(lon.setScale(COORDINATE_SCALE, RoundingMode.HALF_EVEN)));
        return out;
    }

    private @Nullable Object commune(String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return refuse(path, v, "must be a commune {code, name}", COMMUNE_INVALID);
        }
        if (!knownKeys(path, m, COMMUNE_KEYS, "a commune")) {
            return null;
        }
        if (!(m.get("name") instanceof String name)
                || name.isBlank()
                || name.strip().length() > MAX_COMMUNE_NAME) {
            return refuse(path, v, "must have a name of 1 to " + MAX_COMMUNE_NAME + " characters", COMMUNE_INVALID);
        }
        if (m.get("code") == null) {
            return refuse(path, v, "must have a code", COMMUNE_INVALID);
        }
        String code = communeCode(path, m.get("code"));
        return code == null ? null : ordered("code", code, "name", name.strip());
    }

    private @Nullable String communeCode(String path, Object code) {
        String c = code instanceof String s ? s.strip().toUpperCase(java.util.Locale.ROOT) : "";
        if (!isCommuneCode(c)) {
            refuse(path, code, "must be the 5-character COG code of a commune", COMMUNE_CODE);
            return null;
        }
        return c;
    }

    // ---- groups, files, date ranges ------------------------------------------------------------------

    private @Nullable Object group(FieldDefinition f, String path, Object v) {
        if (!(v instanceof List<?> items)) {
            return refuse(path, v, "must be a list of items", WRONG_KIND);
        }
        int max = f.maxItems() != null ? f.maxItems() : FieldDefinition.DEFAULT_MAX_ITEMS;
        if (items.size() > max) {
            // Not checking the items one by one: a flood gets one refusal.
            return refuse(path, items.size() + " items", "must have at most " + max + " items", GROUP_TOO_MANY, max);
        }
        int before = violations.size();
        if (complete && f.minItems() != null && items.size() < f.minItems()) {
            refuse(
                    path,
                    items.size() + " items",
                    "must have at least " + f.minItems() + " items",
                    GROUP_TOO_FEW,
                    f.minItems());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                refuse(at, items.get(i), "must be an object of the group's fields", WRONG_KIND);
                continue;
            }
            @SuppressWarnings("unchecked") // FormData's maps have string keys
            Map<String, ?> values = (Map<String, ?>) item;
            out.add(Collections.unmodifiableMap(form(f.subForm(), values, at + ".")));
        }
        return violations.size() == before ? Collections.unmodifiableList(out) : null;
    }

    private @Nullable Object file(FieldDefinition f, String path, Object v) {
        String type = f.documentType().value();
        Object ref = v;
        if (v instanceof Map<?, ?> m) {
            if (!knownKeys(path, m, FILE_KEYS, "a file")) {
                return null;
            }
            if (m.get("type") != null && !type.equals(m.get("type"))) {
                return refuse(path, m.get("type"), "must be a document of type " + type, FILE_WRONG_TYPE);
            }
            ref = m.get("documentRef");
        }
        if (!(ref instanceof String s) || s.isBlank() || s.strip().length() > MAX_DOCUMENT_REF) {
            return refuse(path, v, "must be a file reference {type, documentRef} of 1 to 200 characters", FILE_INVALID);
        }
        return ordered("type", type, "documentRef", s.strip());
    }

    private @Nullable Object dateRange(FieldDefinition f, String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return refuse(path, v, "must be a date range {start, end}", DATE_RANGE_INVALID);
        }
        if (!knownKeys(path, m, RANGE_KEYS, "a date range")) {
            return null;
        }
        LocalDate start = localDate(m.get("start"));
        LocalDate end = localDate(m.get("end"));
        if (start == null || end == null) {
            return refuse(path, v, "must have a start and an end as YYYY-MM-DD", DATE_RANGE_INVALID);
        }
        if (end.isBefore(start)) {
            return refuse(path, v, "must not end before it starts", DATE_RANGE_REVERSED);
        }
        if (!withinDates(f, path, v, start, end)) {
            return null;
        }
        if (f.maxDays() != null && ChronoUnit.DAYS.between(start, end) + 1 > f.maxDays()) {
            return refuse(path, v, "must last at most " + f.maxDays() + " days", DATE_RANGE_TOO_LONG, f.maxDays());
        }
        return ordered("start", start.toString(), "end", end.toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private boolean knownKeys(String path, Map<?, ?> m, Set<String> keys, String what) {
        for (Object k : m.keySet()) {
            if (!keys.contains(k)) {
                refuse(path, k, "is not a part of " + what + " " + keys, UNKNOWN_FIELD);
                return false;
            }
        }
        return true;
    }

    private @Nullable String string(String path, Object v) {
        if (v instanceof String s) {
            return s.strip();
        }
        refuse(path, v, "must be text", WRONG_KIND);
        return null;
    }

    private static @Nullable BigDecimal decimal(@Nullable Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable LocalDate localDate(@Nullable Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An object whose keys keep this order when written out (JSON for webhooks, exports). */
    static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return Collections.unmodifiableMap(m);
    }

    /** Without trailing zeros, and never in exponent form, so that the value reads back equal from JSON. */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private @Nullable Object refuse(
            String path, @Nullable Object value, String reason, FieldRefusal refusal, Object... args) {
        violations.add(Violation.of(path, value, reason, refusal.code(), refusal.french(args)));
        return null;
    }

    private @Nullable Object refuse(String path, @Nullable Object value, ValidationException e, FieldRefusal refusal) {
        return refuse(path, value, e.violations().get(0).reason(), refusal);
    }
}
