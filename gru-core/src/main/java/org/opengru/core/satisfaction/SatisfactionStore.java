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

    /**
     * Stores an invitation; {@code false} when one exists for the same tenant, occasion and subject.
     *
     * @param invitation the invitation
     * @return {@code true} when stored
     */
    boolean invite(SurveyInvitation invitation);

    /**
     * Looks up an invitation.
     *
     * @param tenant the collectivité
     * @param id the invitation's id
     * @return the invitation, or empty
     */
    Optional<SurveyInvitation> invitation(TenantId tenant, UUID id);

    /**
     * Stores the answer; {@code false} when the invitation was answered already (first answer stands).
     *
     * @param response the answer
     * @return {@code true} when stored
     */
    boolean answer(SurveyResponse response);

    /**
     * Answers given in {@code [from, to)}, aggregated per démarche and channel, sorted by both.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the aggregates
     */
    List<SatisfactionAggregate> aggregate(TenantId tenant, Instant from, Instant to);

    /**
     * The usager's invitations, each with its answer when there is one (subject access).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the surveys, possibly none
     */
    List<Survey> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * Erasure (art. 17 RGPD): the usager's invitations are detached from them (the nil id) and their
     * answers lose their comment; the scores stay, anonymous, for the statistics. How many invitations.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number of invitations detached
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * An invitation and its answer, if any.
     *
     * @param invitation the invitation
     * @param response its answer, or {@code null}
     */
    record Survey(
            SurveyInvitation invitation,
            @org.jspecify.annotations.Nullable SurveyResponse response) {}

    /**
     * A thread-safe store in memory (the embedded default, and tests).
     *
     * @return an empty store
     */
    static SatisfactionStore inMemory() {
        return new InMemorySatisfactionStore();
    }

    /**
     * The store on PostgreSQL, joining the caller's transaction when one is open.
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the store
     */
    static SatisfactionStore postgres(JdbcTransactions tx) {
        return new PostgresSatisfactionStore(tx);
    }
}
