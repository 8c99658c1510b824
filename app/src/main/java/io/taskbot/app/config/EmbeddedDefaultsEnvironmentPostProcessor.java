package io.taskbot.app.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the event store at an H2 file under the data dir when no {@code spring.datasource.url} is given, so that the
 * jar runs with no settings at all. The path is made absolute because H2 refuses implicitly relative file names.
 * {@code WRITE_DELAY=0} makes every commit reach the file before the request returns, so an acknowledged command
 * survives {@code kill -9}. H2 closes a database whose file could not be written (a full disk): the pool then drops
 * its connections on their first failure, and gives up on a new one within seconds rather than half a minute, so
 * that requests fail fast with {@code 503} until the file can be opened again.
 * {@code MAX_COMPACT_TIME} gives a clean stop up to five seconds (H2's default: 0.2 s) to
 * compact the file. {@code RETENTION_TIME}: H2 keeps the chunks that later commits replaced for this long before it
 * reuses their space, so that an OS crash cannot leave a reused chunk on disk while the chunk that replaced it was
 * still in the OS's write buffers. Its default of 45 s assumes nothing forces the file to disk; under load those 45 s
 * of dead chunks were most of the file (12 KB per event). {@code H2FileHousekeeping} forces the file to disk every
 * second, so 5 s keep that guarantee (see there).
 * A {@code kill -9} during that compaction loses nothing: it is the ordinary copy-on-write path of every commit.
 */
public class EmbeddedDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "taskbotEmbeddedDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("taskbot.data-dir", TaskbotProperties.DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
        // DB_CLOSE_ON_EXIT=FALSE: H2's own JVM shutdown hook would otherwise close the event store while a graceful
        // shutdown still finishes requests and stops the event processors; the pool closes it when the context ends
        String url = "jdbc:h2:file:" + dataDir.resolve("eventstore") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=5000"
                + ";RETENTION_TIME=5000";
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "spring.datasource.hikari.exception-override-class-name",
                "io.taskbot.app.storage.H2ConnectionEviction",
                "spring.datasource.hikari.connection-timeout", "5000")));
    }
}
