package org.opengru.examples.portal.gru;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.opengru.core.GruCore;
import org.opengru.core.acknowledgment.AcknowledgmentSettings;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.changes.UsagerChanges;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.request.RequestStore;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentType;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.types.ValidityRule;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.postgres.PostgresRateLimiter;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenGRU's services for the commune, over the starter's PostgreSQL stores (the starter applied the
 * modules' migrations when {@link GruStorage} exists). The portal defines the services whose setup is the
 * commune's own (its démarches, sites, document types, demo master key); the starter's beans back off.
 */
@Configuration(proxyBeanMethods = false)
class GruConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * gru-core over the starter's stores (PostgreSQL: requests, history, audit, outbox, reference numbers,
     * usagers and households, mandates, message threads), with the commune's teams and démarches declared
     * (in memory, re-declared at each start: they are the commune's code). The usagers are
     * the ones the starter's sign-in links FranceConnect accounts to (its {@code UsagerLinker} and
     * {@code AccountLinkStore}, in the same database): a resident is the same usager after a restart.
     */
    @Bean
    @ConditionalOnMissingBean
    GruCore gruCore(
            RequestStore requests,
            ReferenceSequence references,
            UsagerStore usagers,
            MandateStore mandates,
            ExchangeStore exchanges,
            Clock clock) {
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(requests)
                .referenceSequence(references)
                .usagerStore(usagers)
                .mandateStore(mandates)
                .exchangeStore(exchanges)
                .acknowledgmentSettings(Commune.TENANT, AcknowledgmentSettings.standard(Commune.NAME))
                .build();
        Commune.declare(core);
        return core;
    }

    /**
     * 30 booking attempts a minute per resident, counted in PostgreSQL: the limit holds however many
     * portal nodes run (the starter sweeps past windows).
     */
    @Bean
    @ConditionalOnMissingBean
    RateLimiter bookingRateLimiter(GruStorage migrated, DataSource dataSource) {
        return new PostgresRateLimiter(dataSource, "booking", 30, java.time.Duration.ofMinutes(1));
    }

    /**
     * Over the starter's PostgreSQL booking store and waiting list: a slot cancelled on any node, or after
     * a restart, is offered to the next resident waiting.
     */
    @Bean
    @ConditionalOnMissingBean
    BookingService bookingService(
            BookingStore store,
            WaitingListStore waitingList,
            RateLimiter rateLimiter,
            BookingPolicy policy,
            GruCore core,
            Clock clock) {
        // The starter's policy: gru.scheduling.* (the hold of a paying appointment's payment among them).
        return new BookingService(
                store,
                SiteDirectory.of(Commune.sites()),
                policy,
                clock,
                core.ids(),
                rateLimiter,
                waitingList,
                core.events());
    }

    /**
     * The satisfaction survey's answers, in PostgreSQL: the team lead's dashboard reads their scores, and the
     * starter's subject access exports and erases a resident's invitations.
     */
    @Bean
    @ConditionalOnMissingBean
    SatisfactionStore satisfactionStore(GruStorage migrated, DataSource dataSource) {
        return SatisfactionStore.postgres(JdbcTransactions.of(dataSource));
    }

    /**
     * What changed for a resident, read from the request event log in PostgreSQL: the live follow-up asks
     * it at each tick (one indexed query), whichever node made the change.
     */
    @Bean
    @ConditionalOnMissingBean
    UsagerChanges usagerChanges(GruStorage migrated, DataSource dataSource, GruCore core, Clock clock) {
        return UsagerChanges.of(
                UsagerChangeFeed.postgres(JdbcTransactions.of(dataSource)),
                new Representations(core.usagers(), core.mandates()),
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ICalendarWriter iCalendarWriter() {
        return new ICalendarWriter("belleville-sur-loire.fr");
    }

    /** The residents' vault: metadata in PostgreSQL, files on disk; agents see them through requests. */
    @Bean
    @ConditionalOnMissingBean
    DocumentVault documentVault(
            GruStorage migrated, DataSource dataSource, GruCore core, DocumentIngestor ingestor, Clock clock) {
        return DocumentVault.builder()
                .clock(clock)
                .ids(core.ids())
                .store(DocumentStore.postgres(dataSource))
                .ingestor(ingestor)
                .types(DocumentTypes.national()
                        .addCustom(Commune.TENANT, DocumentType.of("photo", "Photo", new ValidityRule.Permanent()))
                        .addCustom(
                                Commune.TENANT,
                                DocumentType.of("plan-situation", "Plan de situation", new ValidityRule.Permanent()))
                        .addCustom(
                                Commune.TENANT,
                                DocumentType.of("plan-masse", "Plan de masse", new ValidityRule.Permanent()))
                        .addCustom(
                                Commune.TENANT,
                                DocumentType.of(
                                        "attestation-assurance",
                                        "Attestation d'assurance responsabilité civile",
                                        new ValidityRule.RecentIssue(java.time.Period.ofYears(1))))
                        .addCustom(
                                Commune.TENANT,
                                DocumentType.of(
                                        "attestation-caf",
                                        "Attestation de quotient familial CAF",
                                        new ValidityRule.RecentIssue(java.time.Period.ofMonths(3)))))
                .representations(new Representations(core.usagers(), core.mandates()))
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .events(core.events())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    PieceReuse pieceReuse(DocumentVault vault, GruCore core, Clock clock) {
        return new PieceReuse(vault, DataProofProvider.none(), clock, core.ids(), core.events());
    }

    /**
     * Uploads, checked and encrypted, under {@code portal.documents.directory}.
     */
    @Bean
    @ConditionalOnMissingBean
    DocumentIngestor documentIngestor(
            @Value("${portal.documents.directory:data/documents}") Path directory, KeyProvider masterKey) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the documents directory " + directory, e);
        }
        return DocumentIngestor.builder()
                .blobStore(BlobStore.fileSystem(directory))
                .encryption(new EnvelopeEncryption(masterKey))
                .scanner(VirusScanner.unscanned())
                .build();
    }
}
