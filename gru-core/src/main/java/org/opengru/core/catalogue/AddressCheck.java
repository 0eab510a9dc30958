package org.opengru.core.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.geocoding.AddressGeocoder;
import org.opengru.core.catalogue.geocoding.AddressQuery;
import org.opengru.core.catalogue.geocoding.GeocodedAddress;
import org.opengru.core.catalogue.geocoding.GeocoderUnavailableException;
import org.opengru.core.catalogue.geocoding.GeocodingResult;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and geocodes the {@link FieldType#ADDRESS} fields marked {@code verify} (in groups too) through an
 * {@link AddressGeocoder}, before the data goes to the request service. Run it on every form that comes
 * from outside: it sets {@code verification}, {@code citycode} and {@code position} itself, replacing
 * whatever the client sent, and the schema refuses to submit an address to verify that has not been
 * through it.
 *
 * <ul>
 *   <li>Found with enough score: the address keeps the resident's lines and takes the postcode, commune
 *       and INSEE code of the Base Adresse Nationale, its position and {@code verification: VERIFIED}.
 *   <li>Not found, or too uncertain: a {@link ValidationException} with a French reason ({@code
 *       address.not-found}, {@code address.uncertain} naming the closest address known); nothing changes,
 *       the resident corrects it.
 *   <li>Geocoder unavailable (timeout, outage, quota): the resident's input is not lost. The address is
 *       accepted as typed with {@code verification: UNVERIFIED} and no position, so that an agent sees it
 *       was not checked (and may check it again later with this class); the remaining addresses of the
 *       form are not sent to the failing service.
 * </ul>
 *
 * Thread-safe when the geocoder is.
 */
public final class AddressCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AddressCheck.class);

    /** The longest city line of a postal address (NF Z10-011). */
    private static final int MAX_CITY = 38;

    private final AddressGeocoder geocoder;

    /**
     * A check through that geocoder (the Base Adresse Nationale's, or a test double).
     *
     * @param geocoder the geocoder
     */
    public AddressCheck(AddressGeocoder geocoder) {
        this.geocoder = Objects.requireNonNull(geocoder, "geocoder");
    }

    /**
     * The data with every address to verify checked. Values the schema would refuse anyway (not an
     * address, a bad postcode...) are left for {@link DataSchema#validate} to report.
     *
     * @throws ValidationException naming each address not found or too uncertain
     * @param schema the démarche's form
     * @param data the form data as received
     * @return the data with each checked address completed (or marked unverified when the geocoder failed)
     */
    public FormData verify(DataSchema schema, FormData data) {
        Run run = new Run();
        Map<String, Object> out = run.form(schema, data.asMap(), "data.");
        if (!run.violations.isEmpty()) {
            throw new ValidationException(run.violations);
        }
        return FormData.of(out);
    }

    /** One verification: its refusals, and whether the geocoder already failed. */
    private final class Run {
        final List<Violation> violations = new ArrayList<>();

        @Nullable
        GeocoderUnavailableException outage;

        Map<String, Object> form(DataSchema schema, Map<String, ?> data, String prefix) {
            Map<String, Object> out = new LinkedHashMap<>(data);
            for (FieldDefinition f : schema.fields()) {
                Object v = data.get(f.name());
                String path = prefix + f.name();
                if (f.type() == FieldType.ADDRESS && f.verify() && v instanceof Map<?, ?> address) {
                    out.put(f.name(), address(f, path, address));
                } else if (f.type() == FieldType.REPEATED_GROUP && v instanceof List<?> items) {
                    List<Object> checked = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object item = items.get(i);
                        if (item instanceof Map<?, ?> m) {
                            @SuppressWarnings("unchecked") // FormData's maps have string keys
                            Map<String, ?> values = (Map<String, ?>) m;
                            checked.add(form(f.subForm(), values, path + "[" + i + "]."));
                        } else {
                            checked.add(item);
                        }
                    }
                    out.put(f.name(), checked);
                }
            }
            return out;
        }

        private Map<String, Object> address(FieldDefinition f, String path, Map<?, ?> address) {
            Map<String, Object> out = new LinkedHashMap<>();
            address.forEach((k, v) -> out.put(String.valueOf(k), v));
            out.remove("position");
            out.remove("verification");
            AddressQuery query = query(address);
            if (query == null) {
                return out; // the schema refuses it
            }
            if (outage == null) {
                double minScore =
                        (f.minScore() != null ? f.minScore() : FieldDefinition.DEFAULT_MIN_SCORE).doubleValue();
                try {
                    GeocodingResult result = geocoder.geocode(query, minScore);
                    if (result instanceof GeocodingResult.Match match) {
                        return verified(out, match.address());
                    }
                    refuse(path, address, result);
                    return out;
                } catch (GeocoderUnavailableException e) {
                    outage = e;
                    // Never the address itself in the log: it is personal data.
                    LOG.warn("geocoder unavailable ({}), {} accepted unverified", e.reason(), path);
                }
            }
            out.put("verification", FormValidator.UNVERIFIED);
            return out;
        }

        private void refuse(String path, Map<?, ?> address, GeocodingResult result) {
            if (result instanceof GeocodingResult.LowScore low) {
                violations.add(Violation.of(
                        path,
                        address,
                        "is too uncertain for the geocoder (score " + low.best().score() + ", "
                                + low.best().type() + ")",
                        FieldRefusal.ADDRESS_UNCERTAIN.code(),
                        FieldRefusal.ADDRESS_UNCERTAIN.french(low.best().label())));
            } else {
                violations.add(Violation.of(
                        path,
                        address,
                        "was not found by the geocoder",
                        FieldRefusal.ADDRESS_NOT_FOUND.code(),
                        FieldRefusal.ADDRESS_NOT_FOUND.french()));
            }
        }
    }

    /** The query for an address that has its lines, postcode and city; null when it lacks them. */
    private static @Nullable AddressQuery query(Map<?, ?> address) {
        Object lines = address.get("lines");
        List<String> text = new ArrayList<>();
        if (lines instanceof List<?> l) {
            l.forEach(line -> text.add(String.valueOf(line)));
        } else if (lines instanceof String s) {
            text.add(s);
        }
        if (text.isEmpty()
                || !(address.get("postalCode") instanceof String postcode)
                || !(address.get("city") instanceof String city)) {
            return null;
        }
        text.add(postcode);
        text.add(city);
        String citycode =
                address.get("citycode") instanceof String c ? c.strip().toUpperCase(java.util.Locale.ROOT) : null;
        try {
            return new AddressQuery(
                    String.join(" ", text),
                    citycode != null && FormValidator.isCommuneCode(citycode) ? citycode : null,
                    1);
        } catch (ValidationException e) {
            return null;
        }
    }

    private static Map<String, Object> verified(Map<String, Object> out, GeocodedAddress found) {
        if (found.postcode() != null) {
            out.put("postalCode", found.postcode());
        }
        if (found.city().length() <= MAX_CITY) {
            out.put("city", found.city()); // a longer official name keeps the resident's abbreviation
        }
        out.put("citycode", found.citycode());
        out.put("position", FormValidator.ordered("lat", degrees(found.lat()), "lon", degrees(found.lon())));
        out.put("verification", FormValidator.VERIFIED);
        return out;
    }

    private static BigDecimal degrees(double d) {
        return FormValidator.plain(
                BigDecimal.valueOf(d).setScale(FormValidator.COORDINATE_SCALE, RoundingMode.HALF_EVEN));
    }
}
