package io.taskbot.app.support;

import io.taskbot.app.TaskbotApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole application, started in this JVM on a random port with every store embedded under {@code dataDir}
 * (or on PostgreSQL when {@link Databases} says so), and stopped again; stop and start with the same data dir
 * is a restart.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RunningApp(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static RunningApp start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public static RunningApp start(Path dataDir, Map<String, String> extraProperties) {
        return start(dataDir, extraProperties, new Object[0]);
    }

    /** As {@link #start(Path, Map)}, with beans of the test's own (a clock it moves) registered before the rest. */
    public static RunningApp start(Path dataDir, Map<String, String> extraProperties, Object... beans) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("taskbot.data-dir", dataDir.toString());
        properties.put("spring.main.banner-mode", "off");
        // the embedded broker on a free port, so that test apps never collide with each other or a developer's run
        properties.put("taskbot.kafka.embedded-port", "0");
        // a write answers 503 when its read model lags longer than this; on a loaded machine 5 s is not enough, and
        // the ITs are about what the answers say, not how fast they come
        properties.put("taskbot.read-your-writes.timeout", "60s");
        properties.putAll(extraProperties);
        // as command-line arguments, so that they win over application.yml like an operator's settings do
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TaskbotApplication.class)
                .initializers(starting -> {
                    for (Object bean : beans) {
                        starting.getBeanFactory().registerSingleton("test." + bean.getClass().getName(), bean);
                    }
                })
                .run(arguments);
        return new RunningApp(context, dataDir);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }
}
