package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/**
 * The short reference of a request, read over the phone: two groups of four symbols such as
 * {@code 7K3F-M9XA}. The alphabet has sixteen symbols whose French names cannot be confused: the digits
 * 2 to 9 and the letters A C F H K M R X (no 0/O, 1/I/L, no B D G P T V that rhyme with C, no N next to
 * M). The last symbol is a Luhn mod 16 check symbol, so that a mistyped symbol or swapped pair is
 * refused instead of finding another resident's request. Unique within a collectivité (see {@link
 * ReferenceGenerator}).
 *
 * @param value the eight symbols as {@code XXXX-XXXX}
 */
public record ShortReference(@JsonValue String value) {

    /** The alphabet, in symbol-value order. */
    public static final String ALPHABET = "23456789ACFHKMRX";

    static final int SYMBOLS = 8;

    /**
     * Checks the reference's symbols and check symbol, and writes it as two groups of four.
     *
     * @param value the eight symbols as {@code XXXX-XXXX}
     * @throws ValidationException naming {@code reference} and the value, for a wrong length, symbol or check symbol
     */
    public ShortReference {
        value = normalise(value);
    }

    /**
     * Parses a reference as typed or dictated: case, spaces and dashes do not matter. A wrong length, a
     * symbol outside the alphabet or a wrong check symbol is a {@link ValidationException}.
     *
     * @param text the reference, such as {@code 7k3f m9xa}
     * @return the reference as {@code 7K3F-M9XA}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ShortReference parse(String text) {
        return new ShortReference(text);
    }

    /** Encodes a 28-bit number (7 symbols) and appends its check symbol. */
    static ShortReference encode(long number) {
        if (number < 0 || number >= (1L << 28)) {
            throw new IllegalArgumentException("reference number out of range: " + number);
        }
        char[] symbols = new char[SYMBOLS - 1];
        long n = number;
        for (int i = symbols.length - 1; i >= 0; i--) {
            symbols[i] = ALPHABET.charAt((int) (n & 0xF));
            n >>>= 4;
        }
        String body = new String(symbols);
        return new ShortReference(format(body + checkSymbol(body)));
    }

    private static String normalise(@Nullable String text) {
        if (text == null) {
            throw new ValidationException("reference", null, "is required");
        }
        String compact = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() != SYMBOLS) {
            throw new ValidationException("reference", text, "must have " + SYMBOLS + " symbols");
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                throw new ValidationException("reference", text, "must use only the symbols " + ALPHABET);
            }
        }
        String body = compact.substring(0, SYMBOLS - 1);
        if (checkSymbol(body) != compact.charAt(SYMBOLS - 1)) {
            throw new ValidationException("reference", text, "has a wrong check symbol (mistyped?)");
        }
        return format(compact);
    }

    private static String format(String compact) {
        return compact.substring(0, 4) + "-" + compact.substring(4);
    }

    /** Luhn mod N (N = 16): catches every single-symbol error and most adjacent transpositions. */
    private static char checkSymbol(String body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 16 + addend % 16;
        }
        return ALPHABET.charAt((16 - sum % 16) % 16);
    }

    @Override
    public String toString() {
        return value;
    }
}
