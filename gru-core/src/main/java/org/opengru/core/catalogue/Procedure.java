package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.internal.Checks;
import org.opengru.core.usager.UsagerKind;

/**
 * A démarche definition, one version of it: plain data, built in code ({@link #builder}) or read from JSON
 * or YAML ({@link ProcedureDefinitions}). A request keeps the version it was filed under, so a new version
 * never changes the rules of requests already filed.
 *
 * @param openTo which kinds of usager may file it
 * @param team the team (service instructeur) requests route to
 * @param complementDelay the default delay to give a resident to send a requested complement
 * @param retention how long a closed request is kept before archiving or purge (RGPD)
 * @param payment what the resident pays before the request is received, or {@code null} (most démarches)
 * @param code the démarche's stable code
 * @param version the version, 1 or more
 * @param title the title the resident reads, at most 300 characters
 * @param schema the form
 * @param pieces the pièces justificatives it requires
 * @param implicitDecision what silence means, and after how long
 */
public record Procedure(
        ProcedureCode code,
        int version,
        String title,
        DataSchema schema,
        List<RequiredPiece> pieces,
        Set<UsagerKind> openTo,
        ImplicitDecisionRule implicitDecision,
        TeamId team,
        Period complementDelay,
        Period retention,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PaymentRule payment) {

    /**
     * A démarche without payment.
     *
     * @param code the démarche's stable code
     * @param version the version, 1 or more
     * @param title the title, at most 300 characters
     * @param schema the form, or {@code null} for none
     * @param pieces the pieces required, or {@code null} for none
     * @param openTo which kinds of usager may file it
     * @param implicitDecision the implicit-decision rule, or {@code null} for none
     * @param team the team requests route to
     * @param complementDelay the delay for a complement, or {@code null} for the default
     * @param retention how long a closed request is kept
     * @throws org.opengru.core.error.ValidationException naming the bad part of the definition
     */
    public Procedure(
            ProcedureCode code,
            int version,
            String title,
            @Nullable DataSchema schema,
            @Nullable List<RequiredPiece> pieces,
            Set<UsagerKind> openTo,
            @Nullable ImplicitDecisionRule implicitDecision,
            TeamId team,
            @Nullable Period complementDelay,
            Period retention) {
        this(code, version, title, schema, pieces, openTo, implicitDecision, team, complementDelay, retention, null);
    }

    /**
     * A démarche definition, checked whole: pieces unique by type, conditions on known fields, a payment's tariff
     * on a numeric field.
     *
     * @param code the démarche's stable code
     * @param version the version, 1 or more
     * @param title the title, at most 300 characters
     * @param schema the form, or {@code null} for none
     * @param pieces the pieces required, or {@code null} for none
     * @param openTo which kinds of usager may file it
     * @param implicitDecision the implicit-decision rule, or {@code null} for none
     * @param team the team requests route to
     * @param complementDelay the delay for a complement, or {@code null} for the default
     * @param retention how long a closed request is kept
     * @param payment what the resident pays, or {@code null}
     * @throws org.opengru.core.error.ValidationException naming the bad part of the definition
     */
    public Procedure(
            ProcedureCode code,
            int version,
            String title,
            @Nullable DataSchema schema,
            @Nullable List<RequiredPiece> pieces,
            Set<UsagerKind> openTo,
            @Nullable ImplicitDecisionRule implicitDecision,
            TeamId team,
            @Nullable Period complementDelay,
            Period retention,
            @Nullable PaymentRule payment) {
        this.code = Checks.required("procedure.code", code);
        Checks.check(version >= 1, "procedure.version", version, "must be 1 or more");
        this.version = version;
        this.title = Checks.text("procedure.title", title, 300);
        this.schema = schema == null ? new DataSchema(List.of()) : schema;
        this.pieces = pieces == null ? List.of() : List.copyOf(pieces);
        Set<DocumentTypeCode> types = new HashSet<>();
        for (RequiredPiece p : this.pieces) {
            if (!types.add(p.type())) {
                throw new ValidationException("procedure.pieces", p.type(), "is listed twice");
            }
            if (p.when() != null) {
                String where = "procedure.pieces." + p.type() + ".when";
                DataSchema.checkCondition(
                        where,
                        p.when(),
                        this.schema
                                .field(p.when().field())
                                .orElseThrow(() -> new ValidationException(
                                        where, p.when().field(), "is not a field of the schema")));
            }
        }
        List<FieldDefinition> all = new java.util.ArrayList<>(this.schema.fields());
        this.schema.fields().forEach(f -> all.addAll(f.subForm().fields()));
        for (FieldDefinition f : all) {
            if (f.documentType() != null && types.contains(f.documentType())) {
                throw new ValidationException(
                        "procedure.pieces",
                        f.documentType(),
                        "is already asked for by the file field " + f.name() + ": a document type is asked once");
            }
        }
        Checks.required("procedure.openTo", openTo);
        Checks.check(!openTo.isEmpty(), "procedure.openTo", openTo, "must name at least one kind of usager");
        this.openTo = Set.copyOf(openTo);
        this.implicitDecision = implicitDecision == null ? ImplicitDecisionRule.none() : implicitDecision;
        this.team = Checks.required("procedure.team", team);
        this.complementDelay = complementDelay == null ? Period.ofMonths(1) : complementDelay;
        Checks.check(
                !this.complementDelay.isNegative() && !this.complementDelay.isZero(),
                "procedure.complementDelay",
                complementDelay,
                "must be positive");
        Checks.required("procedure.retention", retention);
        Checks.check(
                !retention.isNegative() && !retention.isZero(), "procedure.retention", retention, "must be positive");
        this.retention = retention;
        if (payment != null && payment.tariff() != null) {
            String field = payment.tariff().field();
            FieldDefinition f = this.schema
                    .field(field)
                    .orElseThrow(() -> new ValidationException(
                            "procedure.payment.tariff.field", field, "is not a field of the schema"));
            Checks.check(
                    f.type() == FieldType.NUMBER,
                    "procedure.payment.tariff.field",
                    field,
                    () -> "must be a NUMBER field, not " + f.type());
        }
        this.payment = payment;
    }

    /**
     * Whether the resident pays before the request is received.
     *
     * @return {@code true} when it has a payment rule
     */
    public boolean asksPayment() {
        return payment != null;
    }

    /**
     * The reference requests keep: this démarche in this version.
     *
     * @return code and version
     */
    public ProcedureRef ref() {
        return new ProcedureRef(code, version);
    }

    /**
     * The pieces required for this form data (conditions applied).
     *
     * @param data the request's form data
     * @return the pieces whose conditions hold
     */
    public List<RequiredPiece> piecesFor(FormData data) {
        return pieces.stream().filter(p -> p.appliesTo(data)).toList();
    }

    /**
     * Starts a definition in code.
     *
     * @param code the démarche's code, a lower-case slug
     * @param version the version, 1 or more
     * @return the builder
     */
    public static Builder builder(String code, int version) {
        return new Builder(ProcedureCode.of(code), version);
    }

    /** A validating builder; {@link #build()} checks the whole definition. */
    public static final class Builder {
        private final ProcedureCode code;
        private final int version;
        private @Nullable String title;
        private List<FieldDefinition> fields = List.of();
        private List<RequiredPiece> pieces = List.of();
        private Set<UsagerKind> openTo = Set.of(UsagerKind.PERSON);
        private ImplicitDecisionRule implicitDecision = ImplicitDecisionRule.none();
        private @Nullable TeamId team;
        private @Nullable Period complementDelay;
        private Period retention = Period.ofYears(5);
        private @Nullable PaymentRule payment;

        private Builder(ProcedureCode code, int version) {
            this.code = code;
            this.version = version;
        }

        /**
         * The title the resident reads.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * The form's fields, in order.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder fields(FieldDefinition... fields) {
            this.fields = List.of(fields);
            return this;
        }

        /**
         * The pièces justificatives required.
         *
         * @param pieces the pieces
         * @return this builder
         */
        public Builder pieces(RequiredPiece... pieces) {
            this.pieces = List.of(pieces);
            return this;
        }

        /**
         * Who may file it ({@link UsagerKind#PERSON} unless set).
         *
         * @param kinds the kinds of usager
         * @return this builder
         */
        public Builder openTo(UsagerKind... kinds) {
            this.openTo = Set.of(kinds);
            return this;
        }

        /**
         * What silence means (none unless set).
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder implicitDecision(ImplicitDecisionRule rule) {
            this.implicitDecision = rule;
            return this;
        }

        /**
         * The team (service instructeur) requests route to; required.
         *
         * @param team the team's id
         * @return this builder
         */
        public Builder team(String team) {
            this.team = TeamId.of(team);
            return this;
        }

        /**
         * The default delay given for a complement.
         *
         * @param delay the delay
         * @return this builder
         */
        public Builder complementDelay(Period delay) {
            this.complementDelay = delay;
            return this;
        }

        /**
         * How long a closed request is kept (five years unless set).
         *
         * @param retention the period
         * @return this builder
         */
        public Builder retention(Period retention) {
            this.retention = retention;
            return this;
        }

        /**
         * What the resident pays before the request is received.
         *
         * @param payment the rule
         * @return this builder
         */
        public Builder payment(PaymentRule payment) {
            this.payment = payment;
            return this;
        }

        /**
         * Checks the whole definition.
         *
         * @return the démarche
         * @throws org.opengru.core.error.ValidationException naming every bad part
         */
        public Procedure build() {
            return new Procedure(
                    code,
                    version,
                    Checks.required("procedure.title", title),
                    new DataSchema(fields),
                    pieces,
                    openTo,
                    implicitDecision,
                    Checks.required("procedure.team", team),
                    complementDelay,
                    retention,
                    payment);
        }
    }
}
