package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's embedded PostgreSQL keeps its data in a local folder: a restart finds it again. */
class EmbeddedDatabasePersistenceTest {

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestartOfThePortal() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = new JdbcTemplate(first.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE restart_check (note text)");
            jdbc.update("INSERT INTO restart_check VALUES ('avant le redémarrage')");
        }
        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT note FROM restart_check", String.class))
                    .isEqualTo("avant le redémarrage");
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication app = new SpringApplication(MairiePortalApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(
                "--portal.database.directory=" + data.resolve("postgres"),
                "--portal.documents.directory=" + data.resolve("documents"));
    }
}
