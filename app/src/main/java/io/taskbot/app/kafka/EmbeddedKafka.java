package io.taskbot.app.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real single-node Kafka broker of the zero-setup run (KRaft, broker and controller in one), running inside the
 * application with its log under the data dir, so that published task events survive restarts. It listens on the
 * loopback interface only, like the embedded MongoDB; consumers on the same machine reach it at
 * {@link #bootstrapServers()}, which is logged at start.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final String bootstrapServers;
    private final CompletableFuture<KafkaRaftServer> server = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private final Path logDir;
    private final int clientPort;
    private final int controllerPort;
    private final String watchedTopic;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * Claims the ports now; {@link #start()} starts the broker. A taken client port fails right here rather than
     * later, because clients would otherwise talk to whatever else listens there.
     *
     * @param logDir       where the broker keeps its log and metadata
     * @param port         the client port; 0 picks a free one
     * @param watchedTopic the topic that the logged kcat command watches
     */
    EmbeddedKafka(Path logDir, int port, String watchedTopic) {
        keepTheApplicationAliveOnBrokerFailure();
        this.logDir = logDir;
        this.clientPort = port == 0 ? freePort() : requireFree(port);
        // KRaft needs the controller's address before it starts, so port 0 cannot be used there
        this.controllerPort = freePort();
        this.watchedTopic = watchedTopic;
        this.bootstrapServers = HOST + ":" + clientPort;
    }

    /**
     * Starts the broker on a thread of its own and returns at once; a second call does nothing. The application
     * calls this once it serves requests: the seconds (and the CPU) a broker needs to start then delay neither the
     * first healthy response nor any write, because the publisher just catches up from its token once the broker
     * is there, and clients that connect earlier simply wait for it.
     */
    void start() {
        if (closed.get() || started.getAndSet(true)) {
            return;
        }
        Thread starter = new Thread(() -> start(logDir, clientPort, controllerPort, watchedTopic),
                "embedded-kafka-start");
        starter.setDaemon(true);
        starter.start();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Waits until the broker accepts clients; throws if it could not start. */
    void awaitStarted(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            server.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedded Kafka broker did not start", e.getCause());
        }
    }

    /** Shuts the broker down in order (after its start completed), so that its next start needs no log recovery. */
    @Override
    public void close() {
        if (closed.getAndSet(true) || !started.get()) {
            return;
        }
        KafkaRaftServer running;
        try {
            running = server.join();
        } catch (CompletionException notStarted) {
            return;
        }
        running.shutdown();
        running.awaitShutdown();
        log.info("Embedded Kafka broker on {} stopped", bootstrapServers);
    }

    private void start(Path logDir, int clientPort, int controllerPort, String watchedTopic) {
        long started = System.nanoTime();
        KafkaRaftServer starting = null;
        try {
            formatOnFirstStart(logDir);
            starting = new KafkaRaftServer(KafkaConfig.fromProps(serverProperties(logDir, clientPort, controllerPort),
                    false), Time.SYSTEM);
            starting.startup();
            log.info("Embedded Kafka broker listening on {} (data in {}, started in {} ms); watch task events with: "
                            + "kcat -b {} -C -u -o end -t {} -f '%k %h %s\\n'", bootstrapServers, logDir,
                    (System.nanoTime() - started) / 1_000_000, bootstrapServers, watchedTopic);
            server.complete(starting);
        } catch (RuntimeException | Error e) {
            // Errors too: close() waits for this future, so it must complete whatever happens
            log.error("The embedded Kafka broker could not start on {}; task events wait in the event store until "
                    + "it does (or set spring.kafka.bootstrap-servers for an external Kafka)", bootstrapServers, e);
            if (starting != null) {
                starting.shutdown();
            }
            server.completeExceptionally(e);
        }
    }

    /**
     * A broker halts its process on fatal storage errors (a full disk, a failed log dir). Here that process is the
     * whole application, which can go on serving its API while task events wait in the event store, so the halt is
     * turned into an error that ends only the broker thread that hit it.
     */
    private static void keepTheApplicationAliveOnBrokerFailure() {
        Exit.Procedure refuse = (statusCode, message) -> {
            log.error("The embedded Kafka broker failed and asked to stop the process (status {}): {}; the "
                    + "application keeps running, task events are published again once the broker is back",
                    statusCode, message);
            throw new IllegalStateException("embedded Kafka broker failure: " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }

    private static Properties serverProperties(Path logDir, int clientPort, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toString());
        // one node: every internal topic has a single replica, and a few partitions are plenty
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // the publisher creates its topic with the configured partitions; a consumer must not create it first
        properties.put("auto.create.topics.enable", "false");
        // the defaults size a broker for a dedicated server; this one shares two cores with the application
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("num.replica.fetchers", "1");
        properties.put("log.cleaner.threads", "1");
        // the broker's buffers live in the application's heap: sized for one topic of small events, not for the
        // defaults' 128 MB cleaner dedupe buffer (allocated as soon as __consumer_offsets is cleaned), 500 queued
        // requests and 100 MB requests
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        properties.put("log.cleaner.io.buffer.size", Integer.toString(256 * 1024));
        properties.put("queued.max.requests", "50");
        properties.put("socket.request.max.bytes", Integer.toString(16 * 1024 * 1024));
        // segment indexes are preallocated and memory-mapped: 1 MB each instead of 10 MB keeps the mapped pages small
        properties.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        properties.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return properties;
    }

    private static void formatOnFirstStart(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log dir " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log dir " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        log.info("Formatted the embedded Kafka log dir {}", logDir);
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " of " + HOST + " is taken, so the embedded Kafka broker "
                    + "cannot listen there: set taskbot.kafka.embedded-port (0 picks a free port), or "
                    + "spring.kafka.bootstrap-servers to use the Kafka that listens there", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
