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
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@link #bootstrapServers()}, which is logged at start, and log in with the {@link EmbeddedKafkaCredentials} kept in
 * the data dir: every listener, the controller's included, takes SASL/PLAIN logins of that one account only.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "CLIENT";
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final EmbeddedKafkaCredentials credentials;
    private final CompletableFuture<KafkaRaftServer> server = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Brokers of this process that started; a broker's request to stop the process marks them all failed. */
    private static final Set<EmbeddedKafka> STARTED = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile Properties startedWith;
    private volatile KafkaRaftServer restarted;
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
     * @param credentials  the one account the broker accepts
     */
    EmbeddedKafka(Path logDir, int port, String watchedTopic, EmbeddedKafkaCredentials credentials) {
        this.credentials = credentials;
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

    EmbeddedKafkaCredentials credentials() {
        return credentials;
    }

    /** Waits until the broker accepts clients; throws if it could not start. */
    void awaitStarted(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            server.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The embedded Kafka broker did not start", e.getCause());
        }
    }

    /**
     * Shuts the broker down in order (after its start completed), so that its next start needs no log recovery.
     * Synchronized with {@link #restartIfFailed()}, so that a broker restarted at that moment is stopped too.
     */
    @Override
    public synchronized void close() {
        if (closed.getAndSet(true) || !started.get()) {
            return;
        }
        STARTED.remove(this);
        KafkaRaftServer running;
        try {
            server.join();
        } catch (CompletionException notStarted) {
            if (restarted == null) {
                return;
            }
        }
        running = current();
        // bounded: a broker restarted after a failed log dir can wait minutes for its controlled shutdown, and the
        // application's stop must not wait with it (its log is recovered at the next start, as after a crash)
        if (stopWithin(running, SHUTDOWN_PATIENCE)) {
            log.info("Embedded Kafka broker on {} stopped", bootstrapServers);
        } else {
            log.warn("The embedded Kafka broker on {} did not stop within {}; its next start recovers its log",
                    bootstrapServers, SHUTDOWN_PATIENCE);
        }
    }

    private void start(Path logDir, int clientPort, int controllerPort, String watchedTopic) {
        long started = System.nanoTime();
        KafkaRaftServer starting = null;
        try {
            formatOnFirstStart(logDir);
            Properties properties = serverProperties(logDir, clientPort, controllerPort);
            properties.putAll(saslProperties(credentials));
            // known before the start: a broker that gives up while it starts (a full disk) is restarted like one that
            // gave up later
            startedWith = properties;
            STARTED.add(this);
            starting = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            starting.startup();
            log.info("Embedded Kafka broker listening on {} (data in {}, started in {} ms); watch task events with: "
                            + "kcat -b {} -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=PLAIN "
                            + "-X sasl.username={} -X sasl.password=\"$(cat {})\" -C -u -o end -t {} -f '%k %h %s\\n'",
                    bootstrapServers, logDir, (System.nanoTime() - started) / 1_000_000, bootstrapServers,
                    EmbeddedKafkaCredentials.USERNAME, credentials.file(), watchedTopic);
            server.complete(starting);
        } catch (RuntimeException | Error e) {
            // Errors too: close() waits for this future, so it must complete whatever happens
            log.error("The embedded Kafka broker could not start on {}; task events wait in the event store until "
                    + "it does (or set spring.kafka.bootstrap-servers for an external Kafka)", bootstrapServers, e);
            if (starting != null) {
                starting.shutdown();
            }
            // restartIfFailed starts it again once the data dir can be written (the storage supervisor asks)
            failed.set(true);
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
            STARTED.forEach(broker -> broker.failed.set(true));
            throw new IllegalStateException("embedded Kafka broker failure: " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }

    /** Whether the broker gave up since it (re)started, e.g. on a full disk: it then serves nothing until restarted. */
    boolean hasFailed() {
        return failed.get();
    }

    /**
     * Restarts a broker that gave up (a log dir failed on a full disk: Kafka never takes a failed log dir back while
     * it runs), with the same ports, log dir and account; its log is recovered as after a crash, and the clients
     * reconnect by themselves. Returns whether the broker runs now. Meant for when the data dir is writable again.
     */
    synchronized boolean restartIfFailed() {
        if (!failed.get() || closed.get() || startedWith == null) {
            return !failed.get();
        }
        stopWithin(current(), Duration.ofSeconds(30));
        KafkaRaftServer restarting = new KafkaRaftServer(KafkaConfig.fromProps(startedWith, false), Time.SYSTEM);
        // cleared first: a failure while it starts marks it again
        failed.set(false);
        try {
            restarting.startup();
            restarted = restarting;
            log.warn("Restarted the embedded Kafka broker on {} after it had given up on its log dir",
                    bootstrapServers);
            return true;
        } catch (RuntimeException e) {
            failed.set(true);
            restarted = restarting;
            log.warn("The embedded Kafka broker on {} cannot be restarted yet: {}", bootstrapServers, e.toString());
            return false;
        }
    }

    /** The broker running now: the restarted one, else the first one if its start completed; null if none. */
    private KafkaRaftServer current() {
        KafkaRaftServer replacement = restarted;
        if (replacement != null) {
            return replacement;
        }
        return server.isDone() && !server.isCompletedExceptionally() ? server.join() : null;
    }

    /**
     * Shuts a broker down on a thread of its own and waits for it at most {@code patience}: a broker that gave up may
     * hang in its shutdown; its sockets are closed early in it, which is what counts. Returns whether it stopped.
     */
    private boolean stopWithin(KafkaRaftServer broken, Duration patience) {
        if (broken == null) {
            return true;
        }
        Thread stopper = new Thread(() -> {
            try {
                broken.shutdown();
                broken.awaitShutdown();
            } catch (RuntimeException e) {
                log.debug("The failed embedded Kafka broker did not shut down cleanly", e);
            }
        }, "embedded-kafka-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !stopper.isAlive();
    }

    private static Properties serverProperties(Path logDir, int clientPort, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
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

    /**
     * Both listeners take SASL/PLAIN logins of the one account only; the broker logs in to its own controller with
     * it too. There is no authorizer: the account is the application itself, and it may do anything.
     */
    private static Properties saslProperties(EmbeddedKafkaCredentials credentials) {
        Properties properties = new Properties();
        properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT,"
                + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", EmbeddedKafkaCredentials.MECHANISM);
        properties.put("sasl.mechanism.inter.broker.protocol", EmbeddedKafkaCredentials.MECHANISM);
        properties.put("sasl.mechanism.controller.protocol", EmbeddedKafkaCredentials.MECHANISM);
        String jaas = credentials.brokerJaasConfig();
        for (String listener : new String[] {CLIENT_LISTENER, CONTROLLER_LISTENER}) {
            properties.put("listener.name." + listener.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config",
                    jaas);
        }
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
