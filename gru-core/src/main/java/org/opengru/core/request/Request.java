package org.opengru.core.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Intake;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * A request (demande): one usager's filing of one version of a démarche. Immutable; every change goes
 * through the {@link RequestLifecycle} and produces a new value with the next {@code version}.
 *
 * @param applicant the usager who files and follows the request (a person, a household, an organisation)
 * @param beneficiary the usager the request is about when it is not the applicant (a parent files a
 *     child's canteen registration: the child is the beneficiary), or {@code null}; the applicant may act
 *     for them (checked when the request is created)
 * @param createdBy who created it: the applicant, someone acting for them, or an agent keying it in
 * @param receivedAt the date of receipt (submission, or registration of an incomplete request)
 * @param deadline the implicit-decision deadline, if the démarche has one and it has started
 * @param complement the complement awaited, while {@code AWAITING_COMPLEMENT}
 * @param decision the decision, while decided
 * @param acknowledgment the accusé de réception, from receipt on
 * @param assignee the agent who took the request in hand ("je prends"), or {@code null}
 * @param payment the payment the démarche asks for and where it stands, or {@code null}
 * @param id the request
 * @param tenant the collectivité
 * @param reference the short reference printed on the accusé de réception
 * @param procedure the démarche
 * @param team the team (service instructeur) it is routed to
 * @param intake who keyed it in and how it came
 * @param status where it stands
 * @param data the form values
 * @param pieces the pièces justificatives provided
 * @param version the request's version after the change
 * @param createdAt when the draft was created
 * @param updatedAt when it last changed
 */
public record Request(
        RequestId id,
        TenantId tenant,
        ShortReference reference,
        ProcedureRef procedure,
        TeamId team,
        UsagerId applicant,
        @Nullable UsagerId beneficiary,
        ActorRef createdBy,
        Intake intake,
        RequestStatus status,
        FormData data,
        List<ProvidedPiece> pieces,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant receivedAt,
        @Nullable ImplicitDeadline deadline,
        @Nullable PendingComplement complement,
        @Nullable Decision decision,
        @Nullable Acknowledgment acknowledgment,
        @Nullable AgentId assignee,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RequestPayment payment) {

    /**
     * A request of a démarche without payment (its {@code payment} is {@code null}).
     *
     * @param id the request
     * @param tenant the collectivité
     * @param reference the short reference printed on the accusé de réception
     * @param procedure the démarche
     * @param team the team (service instructeur) it is routed to
     * @param applicant the usager who files and follows the request (a person, a household, an organisation)
     * @param beneficiary the usager the request is about when it is not the applicant (a parent files a child's canteen
     *     registration: the child is the beneficiary), or {@code null}; the applicant may act for them (checked when
     *     the request is created)
     * @param createdBy who created it: the applicant, someone acting for them, or an agent keying it in
     * @param intake who keyed it in and how it came
     * @param status where it stands
     * @param data the form values
     * @param pieces the pièces justificatives provided
     * @param version the request's version after the change
     * @param createdAt when the draft was created
     * @param updatedAt when it last changed
     * @param receivedAt the date of receipt (submission, or registration of an incomplete request)
     * @param deadline the implicit-decision deadline, if the démarche has one and it has started
     * @param complement the complement awaited, while {@code AWAITING_COMPLEMENT}
     * @param decision the decision, while decided
     * @param acknowledgment the accusé de réception, from receipt on
     * @param assignee the agent who took the request in hand ("je prends"), or {@code null}
     * @throws NullPointerException naming a missing value
     */
    public Request(
            RequestId id,
            TenantId tenant,
            ShortReference reference,
            ProcedureRef procedure,
            TeamId team,
            UsagerId applicant,
            @Nullable UsagerId beneficiary,
            ActorRef createdBy,
            Intake intake,
            RequestStatus status,
            FormData data,
            List<ProvidedPiece> pieces,
            long version,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant receivedAt,
            @Nullable ImplicitDeadline deadline,
            @Nullable PendingComplement complement,
            @Nullable Decision decision,
            @Nullable Acknowledgment acknowledgment,
            @Nullable AgentId assignee) {
        this(
                id,
                tenant,
                reference,
                procedure,
                team,
                applicant,
                beneficiary,
                createdBy,
                intake,
                status,
                data,
                pieces,
                version,
                createdAt,
                updatedAt,
                receivedAt,
                deadline,
                complement,
                decision,
                acknowledgment,
                assignee,
                null);
    }

    /**
     * Checks the request and copies its pieces.
     *
     * @param id the request
     * @param tenant the collectivité
     * @param reference the short reference printed on the accusé de réception
     * @param procedure the démarche
     * @param team the team (service instructeur) it is routed to
     * @param applicant the usager who files and follows the request (a person, a household, an organisation)
     * @param beneficiary the usager the request is about when it is not the applicant (a parent files a child's canteen
     *     registration: the child is the beneficiary), or {@code null}; the applicant may act for them (checked when
     *     the request is created)
     * @param createdBy who created it: the applicant, someone acting for them, or an agent keying it in
     * @param intake who keyed it in and how it came
     * @param status where it stands
     * @param data the form values
     * @param pieces the pièces justificatives provided
     * @param version the request's version after the change
     * @param createdAt when the draft was created
     * @param updatedAt when it last changed
     * @param receivedAt the date of receipt (submission, or registration of an incomplete request)
     * @param deadline the implicit-decision deadline, if the démarche has one and it has started
     * @param complement the complement awaited, while {@code AWAITING_COMPLEMENT}
     * @param decision the decision, while decided
     * @param acknowledgment the accusé de réception, from receipt on
     * @param assignee the agent who took the request in hand ("je prends"), or {@code null}
     * @param payment the payment the démarche asks for and where it stands, or {@code null}
     * @throws NullPointerException naming a missing value
     */
    public Request {
        Checks.required("id", id);
        Checks.required("tenant", tenant);
        Checks.required("reference", reference);
        Checks.required("procedure", procedure);
        Checks.required("team", team);
        Checks.required("applicant", applicant);
        Checks.check(
                !applicant.equals(beneficiary),
                "beneficiary",
                beneficiary,
                "is the applicant: a request for oneself has no beneficiary");
        Checks.required("createdBy", createdBy);
        Checks.required("intake", intake);
        Checks.required("status", status);
        Checks.required("data", data);
        pieces = List.copyOf(Checks.required("pieces", pieces));
        Checks.check(version >= 1, "version", version, "must be 1 or more");
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.check(
                (decision != null) == status.decided(),
                "decision",
                decision,
                () -> "is present exactly when decided (status " + status + ")");
        Checks.check(
                (complement != null) == (status == RequestStatus.AWAITING_COMPLEMENT),
                "complement",
                complement,
                "is present exactly while awaiting a complement");
        Checks.check(
                (receivedAt == null)
                        == (status == RequestStatus.DRAFT
                                || status == RequestStatus.AWAITING_PAYMENT
                                || (status == RequestStatus.WITHDRAWN && acknowledgment == null)),
                "receivedAt",
                receivedAt,
                "is set once received");
        Checks.check(
                status != RequestStatus.AWAITING_PAYMENT || payment != null,
                "payment",
                payment,
                "is present while awaiting payment");
    }

    /**
     * Who the request is about: the beneficiary when there is one, else the applicant.
     *
     * @return the usager concerned
     */
    public UsagerId concerns() {
        return beneficiary != null ? beneficiary : applicant;
    }

    /**
     * A builder holding this request's values, to derive the next state.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with its own values; {@link #build()} validates. */
    public static final class Builder {
        private RequestId id;
        private TenantId tenant;
        private ShortReference reference;
        private ProcedureRef procedure;
        private TeamId team;
        private UsagerId applicant;
        private @Nullable UsagerId beneficiary;
        private ActorRef createdBy;
        private Intake intake;
        private RequestStatus status;
        private FormData data;
        private List<ProvidedPiece> pieces;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;
        private @Nullable Instant receivedAt;
        private @Nullable ImplicitDeadline deadline;
        private @Nullable PendingComplement complement;
        private @Nullable Decision decision;
        private @Nullable Acknowledgment acknowledgment;
        private @Nullable AgentId assignee;
        private @Nullable RequestPayment payment;

        private Builder(Request r) {
            id = r.id;
            tenant = r.tenant;
            reference = r.reference;
            procedure = r.procedure;
            team = r.team;
            applicant = r.applicant;
            beneficiary = r.beneficiary;
            createdBy = r.createdBy;
            intake = r.intake;
            status = r.status;
            data = r.data;
            pieces = r.pieces;
            version = r.version;
            createdAt = r.createdAt;
            updatedAt = r.updatedAt;
            receivedAt = r.receivedAt;
            deadline = r.deadline;
            complement = r.complement;
            decision = r.decision;
            acknowledgment = r.acknowledgment;
            assignee = r.assignee;
            payment = r.payment;
        }

        /**
         * The request as built so far, for guards and effects that read it.
         *
         * @return the request
         */
        public Request current() {
            return build();
        }

        /**
         * The status set so far.
         *
         * @return the status
         */
        public RequestStatus status() {
            return status;
        }

        /**
         * The form data set so far.
         *
         * @return the data
         */
        public FormData data() {
            return data;
        }

        /**
         * The pieces set so far.
         *
         * @return the pieces
         */
        public List<ProvidedPiece> pieces() {
            return pieces;
        }

        /**
         * The implicit-decision deadline set so far.
         *
         * @return the deadline, or {@code null}
         */
        public @Nullable ImplicitDeadline deadline() {
            return deadline;
        }

        /**
         * The date of receipt set so far.
         *
         * @return the instant, or {@code null} for a draft
         */
        public @Nullable Instant receivedAt() {
            return receivedAt;
        }

        /**
         * Sets the status.
         *
         * @param s the status
         * @return this builder
         */
        public Builder status(RequestStatus s) {
            status = s;
            return this;
        }

        /**
         * Sets the form data.
         *
         * @param d the data
         * @return this builder
         */
        public Builder data(FormData d) {
            data = d;
            return this;
        }

        /**
         * Sets the pieces.
         *
         * @param p the pieces
         * @return this builder
         */
        public Builder pieces(List<ProvidedPiece> p) {
            pieces = p;
            return this;
        }

        /**
         * Sets the version (one more per change).
         *
         * @param v the version
         * @return this builder
         */
        public Builder version(long v) {
            version = v;
            return this;
        }

        /**
         * Sets the time of the last change.
         *
         * @param at the time
         * @return this builder
         */
        public Builder updatedAt(Instant at) {
            updatedAt = at;
            return this;
        }

        /**
         * Sets the date of receipt.
         *
         * @param at the instant, or {@code null}
         * @return this builder
         */
        public Builder receivedAt(@Nullable Instant at) {
            receivedAt = at;
            return this;
        }

        /**
         * Sets the implicit-decision deadline.
         *
         * @param d the deadline, or {@code null}
         * @return this builder
         */
        public Builder deadline(@Nullable ImplicitDeadline d) {
            deadline = d;
            return this;
        }

        /**
         * Sets the pending complement.
         *
         * @param c the complement, or {@code null}
         * @return this builder
         */
        public Builder complement(@Nullable PendingComplement c) {
            complement = c;
            return this;
        }

        /**
         * Sets the decision.
         *
         * @param d the decision, or {@code null}
         * @return this builder
         */
        public Builder decision(@Nullable Decision d) {
            decision = d;
            return this;
        }

        /**
         * Sets the accusé de réception.
         *
         * @param a the acknowledgment, or {@code null}
         * @return this builder
         */
        public Builder acknowledgment(@Nullable Acknowledgment a) {
            acknowledgment = a;
            return this;
        }

        /**
         * Sets the agent who has the request in hand.
         *
         * @param a the agent, or {@code null}
         * @return this builder
         */
        public Builder assignee(@Nullable AgentId a) {
            assignee = a;
            return this;
        }

        /**
         * The payment set so far.
         *
         * @return the payment, or {@code null}
         */
        public @Nullable RequestPayment payment() {
            return payment;
        }

        /**
         * Sets the payment the démarche asks for and where it stands.
         *
         * @param p the payment, or {@code null}
         * @return this builder
         */
        public Builder payment(@Nullable RequestPayment p) {
            payment = p;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public Request build() {
            return new Request(
                    id,
                    tenant,
                    reference,
                    procedure,
                    team,
                    applicant,
                    beneficiary,
                    createdBy,
                    intake,
                    status,
                    data,
                    pieces,
                    version,
                    createdAt,
                    updatedAt,
                    receivedAt,
                    deadline,
                    complement,
                    decision,
                    acknowledgment,
                    assignee,
                    payment);
        }
    }
}
