package org.opengru.spring.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.RequestId;
import org.opengru.core.intake.Channel;
import org.opengru.core.job.Job;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.Download;
import org.opengru.documents.vault.EndedRequestFiles;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.CorePersistence;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(EmbeddedPostgresExtension.class)
class GruDocumentsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruDocumentsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void storesAnEncryptedDocumentOnDiskAndGivesItBack(@TempDir Path dir) {
        runner.withPropertyValues("gru.documents.storage-path=" + dir).run(context -> {
            assertThat(context).hasSingleBean(org.opengru.documents.reuse.PieceReuse.class);
            DocumentVault vault = context.getBean(DocumentVault.class);
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            Document stored = TestTenant.storeDocument(vault, resident);

            byte[] png = TestTenant.png();
            try (Download download = vault.download(resident, stored.id(), 1)) {
                assertThat(download.content().readAllBytes()).isEqualTo(png);
                assertThat(download.contentDisposition()).startsWith("attachment");
            }
            // Encrypted at rest: no file under the storage directory holds the plain bytes.
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .isNotEmpty()
                        .allSatisfy(f -> assertThat(Files.readAllBytes(f)).isNotEqualTo(png));
            }
        });
    }

    @Test
    void screensInboundAttachmentsWithTheVaultsChecks() {
        runner.run(context -> {
            var screen = context.getBean(org.opengru.core.inbound.AttachmentScreen.class);
            byte[] exe = new byte[512];
            exe[0] = 'M';
            exe[1] = 'Z';
            assertThatThrownBy(() -> screen.screen(
                            TestTenant.TENANT,
                            null,
                            new org.opengru.core.inbound.InboundAttachment("facture.pdf", "application/pdf", exe)))
                    .isInstanceOf(org.opengru.core.inbound.AttachmentRejectedException.class);
        });
    }

    @Test
    void erasesTheFilesOfRequestsGruCoreNoLongerHoldsAndSweepsForThem(PostgresDatabase db, @TempDir Path dir) {
        onPostgres(db, dir, new MutableClock(TestTenant.NOW)).run(context -> {
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            Request decided = TestTenant.submitToDecision(context.getBean(RequestService.class), resident);
            RequestId purged = TestTenant.submitToDecision(context.getBean(RequestService.class), resident)
                    .id();
            PieceReuse reuse = context.getBean(PieceReuse.class);
            Attachment kept = send(reuse, resident, decided.id());
            Attachment gone = send(reuse, resident, purged);
            // The retention job purges it (an attached file may only go to a request that exists).
            context.getBean(CorePersistence.class)
                    .postgres()
                    .orElseThrow()
                    .retentionStore()
                    .purge(TestTenant.TENANT, purged);
            EndedRequestFiles files = context.getBean(EndedRequestFiles.class);

            assertThat(files.release(TestTenant.TENANT, decided.id()))
                    .as("gru-core holds it")
                    .isEqualTo(EndedRequestFiles.Released.NONE);
            assertThat(files.release(TestTenant.TENANT, purged)).isEqualTo(new EndedRequestFiles.Released(1, 1, 0, 1));
            DocumentVault vault = context.getBean(DocumentVault.class);
            assertThat(vault.store().find(TestTenant.TENANT, gone.document())).isEmpty();
            assertThat(vault.store().find(TestTenant.TENANT, kept.document())).isPresent();
            assertThat(context.getBeansOfType(GruJobContribution.class).values().stream()
                            .flatMap(c -> c.jobs().stream())
                            .filter(j -> j.name().equals("documents-ended-requests")))
                    .singleElement()
                    .satisfies(job -> {
                        assertThat(job.interval()).isEqualTo(Duration.ofHours(6));
                        job.body().run();
                    });
            assertThat(vault.store().find(TestTenant.TENANT, kept.document())).isPresent();
        });
    }

    /** A host's retention job: gru-core's PurgeJob, with the vault's files of each ended request as its listener. */
    @Configuration(proxyBeanMethods = false)
    static class Retention {
        // tag::retention-bean[]
        @Bean
        GruJobContribution retention(CorePersistence persistence, EndedRequestFiles files, Clock clock) {
            PurgeJob job = new PurgeJob(
                    persistence.postgres().orElseThrow().retentionStore(),
                    clock,
                    List.of(new RetentionPolicy(
                            ProcedureCode.of("inscription-cantine"),
                            Period.ofYears(1),
                            Period.ofYears(2),
                            EndOfLife.PURGE)),
                    500,
                    files); // each purged request's files go at once
            TenantId tenant = TenantId.of("saint-martin");
            return () -> List.of(Job.every("retention", Duration.ofDays(1), () -> job.run(tenant)));
        }
        // end::retention-bean[]
    }

    /** Core and documents on PostgreSQL, files under {@code dir}, at {@code clock}'s time. */
    private static ApplicationContextRunner onPostgres(PostgresDatabase db, Path dir, Clock clock) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruDocumentsAutoConfiguration.class))
                .withBean(Clock.class, () -> clock)
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues(TestTenant.PROPERTIES)
                .withPropertyValues("gru.storage=jdbc", "gru.documents.storage-path=" + dir);
    }

    @Test
    void aHostsPurgeJobTakesTheRequestsFilesWithIt(PostgresDatabase db, @TempDir Path dir) {
        MutableClock clock = new MutableClock(TestTenant.NOW);
        onPostgres(db, dir, clock).withUserConfiguration(Retention.class).run(context -> {
            UsagerStore usagers = context.getBean(UsagerStore.class);
            var resident = TestTenant.resident(usagers);
            Request decided = TestTenant.submitToDecision(context.getBean(RequestService.class), resident);
            Attachment file = send(context.getBean(PieceReuse.class), resident, decided.id());
            DocumentVault vault = context.getBean(DocumentVault.class);
            assertThat(vault.store().find(TestTenant.TENANT, file.document())).isPresent();

            clock.set(TestTenant.NOW.plus(Duration.ofDays(1200)));
            context.getBean("retention", GruJobContribution.class)
                    .jobs()
                    .forEach(job -> job.body().run());

            assertThat(context.getBean(RequestStore.class).find(TestTenant.TENANT, decided.id()))
                    .isEmpty();
            assertThat(vault.store().find(TestTenant.TENANT, file.document())).isEmpty();
            assertThatThrownBy(() -> vault.download(resident, file.document(), 1))
                    .isInstanceOf(NotFoundException.class);
        });
    }

    @Test
    void theRetentionPropertiesPurgeRequestsAndTheirFilesWithNoCode(PostgresDatabase db, @TempDir Path dir) {
        MutableClock clock = new MutableClock(TestTenant.NOW);
        onPostgres(db, dir, clock)
                .withPropertyValues(
                        "gru.tenants.saint-martin.retention.inscription-cantine.active=1y",
                        "gru.tenants.saint-martin.retention.inscription-cantine.archive=P2Y",
                        "gru.tenants.saint-martin.retention.inscription-cantine.end-of-life=purge")
                .run(context -> {
                    UsagerStore usagers = context.getBean(UsagerStore.class);
                    var resident = TestTenant.resident(usagers);
                    Request decided = TestTenant.submitToDecision(context.getBean(RequestService.class), resident);
                    Attachment file = send(context.getBean(PieceReuse.class), resident, decided.id());
                    Job job = context.getBean("gruRetentionJobs", GruJobContribution.class)
                            .jobs()
                            .get(0);
                    assertThat(job.name()).isEqualTo("retention-saint-martin");
                    assertThat(job.interval()).isEqualTo(Duration.ofHours(6));

                    clock.set(TestTenant.NOW.plus(Duration.ofDays(2 * 365)));
                    job.body().run();
                    assertThat(context.getBean(RequestStore.class).find(TestTenant.TENANT, decided.id()))
                            .as("archived, not yet purged after two years")
                            .isPresent();

                    clock.set(TestTenant.NOW.plus(Duration.ofDays(3 * 365 + 2)));
                    job.body().run();
                    assertThat(context.getBean(RequestStore.class).find(TestTenant.TENANT, decided.id()))
                            .isEmpty();
                    DocumentVault vault = context.getBean(DocumentVault.class);
                    assertThat(vault.store().find(TestTenant.TENANT, file.document()))
                            .as("the files went with the request, through EndedRequestFiles")
                            .isEmpty();
                });
    }

    @Test
    void aRetentionForAnUnknownDemarcheFailsTheStartNamingTheProperty(PostgresDatabase db, @TempDir Path dir) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues(
                        "gru.storage=jdbc",
                        "gru.documents.storage-path=" + dir,
                        "gru.tenants.saint-martin.retention.cantine-typo.active=1y",
                        "gru.tenants.saint-martin.retention.cantine-typo.archive=0d",
                        "gru.tenants.saint-martin.retention.cantine-typo.end-of-life=anonymise")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.tenants.saint-martin.retention.cantine-typo names no démarche"));
    }

    private static Attachment send(PieceReuse reuse, UsagerPrincipal resident, RequestId request) {
        byte[] png = TestTenant.png();
        return reuse.uploadAndAttach(
                resident,
                resident.usager(),
                request,
                ProcedureCode.of("inscription-cantine"),
                DocumentTypes.MESSAGE_ATTACHMENT,
                UploadRequest.of("photo.png").withDeclaredSize(png.length),
                new ByteArrayInputStream(png),
                Channel.WEB);
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        KeyProvider own = StaticKeyProvider.generated("hsm-1");
        BlobStore blobs = BlobStore.inMemory();
        runner.withBean(KeyProvider.class, () -> own)
                .withBean(BlobStore.class, () -> blobs)
                .run(context -> {
                    assertThat(context.getBean(KeyProvider.class)).isSameAs(own);
                    assertThat(context.getBean(BlobStore.class)).isSameAs(blobs);
                    assertThat(context).hasSingleBean(DocumentVault.class);
                });
    }

    @Test
    void absentWhenGruDocumentsIsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(DocumentVault.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("gruDocumentVault"));
    }

    @Test
    void noMasterKeyForDocumentsKeptOnDiskFailsWithTheAction(@TempDir Path dir) {
        runner.withPropertyValues("gru.documents.master-key=", "gru.documents.storage-path=" + dir)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new VaultFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("gru.documents.master-key");
                    assertThat(analysis.getAction()).contains("openssl rand -base64 32");
                });
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefused() {
        runner.withPropertyValues("gru.documents.master-key=c2hvcnQ=")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.documents.master-key")
                        .hasMessageContaining("5 bytes instead of 32"));
    }

    @Test
    void postgresMetadataWithoutAStorageDirectoryFailsWithTheAction(PostgresDatabase db) {
        runner.withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new VaultFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("gru.documents.storage-path");
                });
    }
}
