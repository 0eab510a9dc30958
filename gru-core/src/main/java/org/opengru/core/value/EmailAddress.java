package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * An e-mail address: a pragmatic check (one {@code @}, a dotted domain, no spaces, 254 characters at most),
 * not the full RFC 5322 grammar. The domain is lower-cased; the local part is kept as typed.
 *
 * @param value the address, its domain lower-cased
 */
public record EmailAddress(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /**
     * Checks the address and lower-cases its domain.
     *
     * @param value the address, its domain lower-cased
     * @throws org.opengru.core.error.ValidationException naming {@code email} and the value, when it is not an address
     */
    public EmailAddress {
        Checks.required("email", value);
        String s = value.strip();
        if (s.length() > 254 || !FORMAT.matcher(s).matches()) {
            throw new ValidationException("email", value, "must be an e-mail address such as nom@exemple.fr");
        }
        int at = s.indexOf('@');
        value = s.substring(0, at) + s.substring(at).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads an address as typed (surrounding spaces ignored).
     *
     * @param text the address
     * @return the address, its domain lower-cased
     * @throws org.opengru.core.error.ValidationException naming {@code email} and the value, when it is not an address
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EmailAddress parse(String text) {
        return new EmailAddress(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
