package org.opengru.core.value;

final class Luhn {

    private Luhn() {}

    /** Whether the all-digit string passes the Luhn check (the check digit being the last one). */
    static boolean valid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static String compact(String text) {
        return text.replace(" ", "").replace("\u00a0", "").replace(".", "").replace("-", "");
    }
}
