package org.opengru.payments.postgres;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.DataMap;

/** gru-payments' share of the {@link DataMap}: the tables of {@code classpath:db/opengru/payments}. */
public final class PaymentsDataMap {

    private static final String MODULE = "gru-payments";

    private PaymentsDataMap() {}

    /**
     * The personal-data map of gru-payments' table: what each column holds, how long it is kept, what the RGPD
     * purge, erasure and subject access export do with it (docs/rgpd.md is generated from it).
     *
     * @return the table of {@code classpath:db/opengru/payments}
     */
    public static DataMap map() {
        return new DataMap(List.of(DataMap.table(
                MODULE,
                "payment",
                "online payments (paiements PayFiP) and what the provider said of each",
                "as the collectivité's accounting records require; no automatic purge yet",
                "untouched: a payment is not part of a request's file",
                "not yet handled: the payer's e-mail address stays until a purge is added (see docs/payments.md)",
                "not exported yet",
                column("payer_email", PERSONAL, "the payer's e-mail address (mel)"),
                column("object", PERSONAL, "what is paid for, as shown to the payer (objet)"),
                column("debt_reference", TECHNICAL, "the debt's reference at the régie (refdet)"),
                column("operation_id", TECHNICAL, "the provider's operation id (idOp)"),
                column("subject", TECHNICAL, "what the payment settles in the application"),
                column("status", TECHNICAL, "the state"),
                column("authorisation_number", TECHNICAL, "the bank's authorisation number (numauto)"))));
    }
}
