package org.opengru.core.satisfaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.satisfaction.internal.InMemorySatisfactionStore;
import org.opengru.core.satisfaction.internal.PostgresSatisfactionStore;
import org.opengru.core.tenancy.TenantId;

/** Port: survey invitations and answers. */
public interface SatisfactionStore {

    /** Stores an invitation; {@code false} when one exists for the same tenant, occasion and subject. */
    boolean invite(SurveyInvitation invitation);

    Optional<SurveyInvitation> invitation(TenantId tenant, UUID id);

    /** Stores the answer; {@code false} when the invitation was answered already (first answer stands). */
    boolean answer(SurveyResponse response);

    /** Answers given in {@code [from, to)}, aggregated per démarche and channel, sorted by both. */
    List<SatisfactionAggregate> aggregate(TenantId tenant, Instant from, Instant to);

    /** The usager's invitations, each with its answer when there is one (subject access). */
    List<Survey> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * Erasure (art. 17 RGPD): the usager's invitations are detached from them (the nil id) and their
     * answers lose their comment; the scores stay, anonymous, for the statistics. How many invitations.
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /** An invitation and its answer, if any. */
    record Survey(
            SurveyInvitation invitation,
            @org.jspecify.annotations.Nullable SurveyResponse response) {}

    static SatisfactionStore inMemory() {
        return new InMemorySatisfactionStore();
    }

    static SatisfactionStore postgres(JdbcTransactions tx) {
        return new PostgresSatisfactionStore(tx);
    }
}
