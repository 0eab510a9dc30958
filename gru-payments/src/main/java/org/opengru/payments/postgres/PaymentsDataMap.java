package org.opengru.payments.postgres;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.DataMap;

/** gru-payments' share of the {@link DataMap}: the tables of {@code classpath:db/opengru/payments}. */
public final class PaymentsDataMap {

    private static final String MODULE = "gru-payments";

    private PaymentsDataMap() {}

    public static DataMap map() {
        return new DataMap(List.of(DataMap.table(
                MODULE,
                "payment",
                "online payments (paiements PayFiP) and what the provider said of each",
                "the payer's e-mail, the object, the note and the payer's id until the PaymentRetention purge (a period"
                        + " the commune sets after the payment, one year by default); the accounting facts (debt"
                        + " reference, year, amount, state, authorisation number, dates) as the régie's accounts"
                        + " require",
                "the payments made for the request (subject request:<id>) lose the e-mail, the object, the note and the"
                        + " payer's id (PaymentRetention, a RequestEndListener); the accounting facts stay, with the subject",
                "the usager's payments lose the e-mail, the object, the note and the payer's id; the accounting facts stay"
                        + " without anything naming them: art. 17.3.b RGPD (the régie's accounting records)",
                "payments",
                column("payer_email", PERSONAL, "the payer's e-mail address (mel)"),
                column("object", PERSONAL, "what is paid for, as shown to the payer (objet)"),
                column("usager_id", PSEUDONYMOUS, "the payer's usager id, when known"),
                column("note", PERSONAL, "why the commune gave it up, cancelled it or asked for its refund"),
                column("debt_reference", PSEUDONYMOUS, "the debt's reference at the régie (refdet)"),
                column("operation_id", TECHNICAL, "the provider's operation id (idOp)"),
                column("subject", TECHNICAL, "what the payment settles in the application"),
                column("status", TECHNICAL, "the state"),
                column("authorisation_number", TECHNICAL, "the bank's authorisation number (numauto)"))));
    }
}
