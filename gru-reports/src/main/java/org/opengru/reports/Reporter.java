package org.opengru.reports;

import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;

/** Who reported or joined a signalement: a signed-in usager, or (when the commune allows it) an e-mail. */
public sealed interface Reporter {

    /**
     * A signed-in resident, told through gru-core's notifications.
     *
     * @param usager the resident's id
     */
    record Resident(UsagerId usager) implements Reporter {
        /**
         * Checks that the id is present.
         *
         * @param usager the resident's id
         * @throws NullPointerException when it is missing
         */
        public Resident {
            Objects.requireNonNull(usager, "usager");
        }
    }

    /**
     * Without an account: followed by e-mail, once the address is verified.
     *
     * @param email the address, verified by a link before the report is filed
     */
    record Anonymous(EmailAddress email) implements Reporter {
        /**
         * Checks that the address is present.
         *
         * @param email the address, verified by a link before the report is filed
         * @throws NullPointerException when it is missing
         */
        public Anonymous {
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * A signed-in resident.
     *
     * @param usager the resident's id
     * @return the reporter
     */
    static Reporter resident(UsagerId usager) {
        return new Resident(usager);
    }

    /**
     * A reporter without an account.
     *
     * @param email the address
     * @return the reporter
     */
    static Reporter anonymous(EmailAddress email) {
        return new Anonymous(email);
    }
}
