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

    /** A démarche without payment. */
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

    /** Whether the resident pays before the request is received. */
    public boolean asksPayment() {
        return payment != null;
    }

    public ProcedureRef ref() {
        return new ProcedureRef(code, version);
    }

    /** The pieces required for this form data (conditions applied). */
    public List<RequiredPiece> piecesFor(FormData data) {
        return pieces.stream().filter(p -> p.appliesTo(data)).toList();
    }

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

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder fields(FieldDefinition... fields) {
            this.fields = List.of(fields);
            return this;
        }

        public Builder pieces(RequiredPiece... pieces) {
            this.pieces = List.of(pieces);
            return this;
        }

        public Builder openTo(UsagerKind... kinds) {
            this.openTo = Set.of(kinds);
            return this;
        }

        public Builder implicitDecision(ImplicitDecisionRule rule) {
            this.implicitDecision = rule;
            return this;
        }

        public Builder team(String team) {
            this.team = TeamId.of(team);
            return this;
        }

        public Builder complementDelay(Period delay) {
            this.complementDelay = delay;
            return this;
        }

        public Builder retention(Period retention) {
            this.retention = retention;
            return this;
        }

        public Builder payment(PaymentRule payment) {
            this.payment = payment;
            return this;
        }

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
