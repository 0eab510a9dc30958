package org.opengru.reports;

import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;

/** Who reported or joined a signalement: a signed-in usager, or (when the commune allows it) an e-mail. */
public sealed interface Reporter {

    /** A signed-in resident, told through gru-core's notifications. */
    record Resident(UsagerId usager) implements Reporter {
        public Resident {
            Objects.requireNonNull(usager, "usager");
        }
    }

    /** Without an account: followed by e-mail, once the address is verified. */
    record Anonymous(EmailAddress email) implements Reporter {
        public Anonymous {
            Objects.requireNonNull(email, "email");
        }
    }

    static Reporter resident(UsagerId usager) {
        return new Resident(usager);
    }

    static Reporter anonymous(EmailAddress email) {
        return new Anonymous(email);
    }
}
