import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue "cost follows the work": every target side by side with its baseline in the same run,
 * reported as ratios, because the development machine is shared and absolute numbers move with its load.
 * <p>
 * Started by {@code bench/run.sh}, which builds the jars and puts the H2 and PostgreSQL drivers (taken from the
 * Taskbot jar) on the class path. Every server it starts listens on the loopback interface on a free port and is
 * stopped at the end, whatever happens; every loop is bounded by a count or a deadline.
 * <p>
 * Phases, in order (sizes for {@code full}; {@code quick} uses smaller ones):
 * <ol>
 * <li>H2 (the embedded default): first healthy response; a fill to 10K events; creates/s at 8 clients and a 100-task
 * user's GET p50 there; closed-loop creates at 1, 8, 32 and 64 clients, alternating with the plain-CRUD baseline;
 * the raw INSERT+COMMIT floor of H2; a fill to 50K tasks and chat turns; a fill to 100K and GETs/s; a fill to 200K
 * events (one user reaching 20K tasks); creates/s and GET p50s there; a rebuild of the tasks read model through the
 * admin API; RSS; bytes per event after a clean stop.</li>
 * <li>PostgreSQL event store (a fresh schema): the same, without chat and rebuild, alternating with the raw
 * INSERT+COMMIT floor measured with plain JDBC instead of the baseline app.</li>
 * </ol>
 * The fill goes through the real HTTP API with rate limits off: every task is a real command, event and projection.
 */
public class Bench {

    // ---------------------------------------------------------------- configuration

    record Sizes(int rounds, int seconds, int[] clientCounts, int smallStore, int chatStore, int chatTurns,
                 int getsStore, int largeStore, int bigUserTasks, int fillClients, boolean rebuild, boolean postgres) {
    }

    static final Sizes QUICK = new Sizes(1, 8, new int[]{1, 8, 32, 64}, 2_000, 5_000, 200, 10_000, 20_000, 2_000,
            16, true, true);
    static final Sizes FULL = new Sizes(2, 15, new int[]{1, 8, 32, 64}, 10_000, 50_000, 500, 100_000, 200_000,
            20_000, 32, true, true);

    static Sizes sizes;
    static Path work;
    static String taskbotJar = System.getProperty("bench.taskbot-jar", "app/target/taskbot.jar");
    static String baselineJar = System.getProperty("bench.baseline-jar", "bench/baseline/target/bench-baseline.jar");
    /** The JVM options of the README's run command, so that the RSS measured is the one a user gets. */
    static List<String> taskbotJvm = splitOptions(System.getProperty("bench.taskbot-jvm", ""));
    static String postgresUrl = System.getProperty("bench.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static String postgresUser = System.getProperty("bench.postgres-user", "postgres");
    static final String ADMIN_EMAIL = "bench-admin@example.com";
    static final String ADMIN_PASSWORD = "bench-admin-pass-1";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<Server> RUNNING = Collections.synchronizedList(new ArrayList<>());
    static final List<String[]> SUMMARY = new ArrayList<>();
    /** Answers other than the expected status during timed loops; reported in the summary, never hidden. */
    static final AtomicLong ERRORS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        sizes = switch (mode) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            case "h2" -> withoutPostgres(FULL);
            case "quick-h2" -> withoutPostgres(QUICK);
            default -> throw new IllegalArgumentException("mode is quick, quick-h2, full or h2, not " + mode);
        };
        sizes = overridden(sizes);
        work = Files.createTempDirectory("taskbot-bench");
        Runtime.getRuntime().addShutdownHook(new Thread(Bench::stopAll));
        log("mode %s %s, work dir %s, load at start: %s", mode, sizes, work, uptime());
        try {
            h2Phases();
            if (sizes.postgres()) {
                postgresPhases();
            }
        } finally {
            stopAll();
            log("load at end: %s", uptime());
            SUMMARY.add(new String[]{"unexpected answers during the run (5xx, timeouts' 503s)", "0",
                    Long.toString(ERRORS.get()), ERRORS.get() == 0 ? "PASS" : "FAIL"});
            printSummary();
            deleteTree(work);
        }
    }

    /** -Dbench.<size>=n overrides one size of the mode, for a shorter run on a busy machine (see run.sh). */
    static Sizes overridden(Sizes s) {
        return new Sizes(Integer.getInteger("bench.rounds", s.rounds()), Integer.getInteger("bench.seconds", s.seconds()),
                s.clientCounts(), Integer.getInteger("bench.small-store", s.smallStore()),
                Integer.getInteger("bench.chat-store", s.chatStore()), Integer.getInteger("bench.chat-turns", s.chatTurns()),
                Integer.getInteger("bench.gets-store", s.getsStore()), Integer.getInteger("bench.large-store", s.largeStore()),
                Integer.getInteger("bench.big-user-tasks", s.bigUserTasks()),
                Integer.getInteger("bench.fill-clients", s.fillClients()), s.rebuild(), s.postgres());
    }

    static Sizes withoutPostgres(Sizes s) {
        return new Sizes(s.rounds(), s.seconds(), s.clientCounts(), s.smallStore(), s.chatStore(), s.chatTurns(),
                s.getsStore(), s.largeStore(), s.bigUserTasks(), s.fillClients(), s.rebuild(), false);
    }

    // ---------------------------------------------------------------- the H2 phases

    static void h2Phases() throws Exception {
        section("H2 event store (the embedded default)");
        Path baselineDir = Files.createDirectories(work.resolve("baseline"));
        Server baseline = Server.start("baseline", List.of(), List.of("-jar", baselineJar,
                "--baseline.data-dir=" + baselineDir), baselineDir, Duration.ofMinutes(10));
        Path data = Files.createDirectories(work.resolve("h2-data"));
        Server taskbot = startTaskbot("taskbot-h2", data, List.of());
        target("first healthy response (H2, fresh data dir)", "<= 8 s", taskbot.readyMillis / 1000.0, "s",
                taskbot.readyMillis <= 8_000);
        info(String.format("CPU seconds until that first healthy response (%.1f) / the baseline app's (%.1f)",
                taskbot.readyCpuSeconds, baseline.readyCpuSeconds), taskbot.readyCpuSeconds / baseline.readyCpuSeconds,
                "x");
        Store store = new Store(taskbot);
        storeScaling(store, true, baseline, null);
        long rss = taskbot.rssKb();
        target("RSS after the benchmark (" + describeJvm() + ")", "<= 700 MB", rss / 1024.0, "MB",
                rss <= 700 * 1024);
        long events = store.events();
        long liveBytes = Files.size(data.resolve("eventstore.mv.db"));
        taskbot.stop();
        baseline.stop();
        long bytes = Files.size(data.resolve("eventstore.mv.db"));
        log("H2 event store: %d events, %d bytes while running, %d bytes after a clean stop", events, liveBytes, bytes);
        // the running node's file is what a user's disk holds; a clean stop compacts it, which a crash never does
        h2BytesPerEvent = liveBytes / (double) events;
        info("H2 bytes per event, running node (file / events)", h2BytesPerEvent, "B");
        info("H2 bytes per event after a clean stop", bytes / (double) events, "B");
    }

    static double h2BytesPerEvent = Double.NaN;

    // ---------------------------------------------------------------- the PostgreSQL phases

    static void postgresPhases() throws Exception {
        section("PostgreSQL event store");
        String schema = "bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(postgresUrl, postgresUser, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            Path data = Files.createDirectories(work.resolve("pg-data"));
            Server taskbot = startTaskbot("taskbot-pg", data, List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + postgresUser, "--spring.datasource.password="));
            info("first healthy response (PostgreSQL)", taskbot.readyMillis / 1000.0, "s");
            Store store = new Store(taskbot);
            storeScaling(store, false, null, url);
            long events = store.events();
            taskbot.stop();
            long bytes;
            try (Connection c = DriverManager.getConnection(url, postgresUser, "");
                 PreparedStatement size = c.prepareStatement("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                         + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'")) {
                size.setString(1, schema);
                ResultSet row = size.executeQuery();
                row.next();
                bytes = row.getLong(1);
            }
            double pgBytesPerEvent = bytes / (double) events;
            info("PostgreSQL bytes per event (every table of the schema with indexes and TOAST / events)",
                    pgBytesPerEvent, "B");
            if (!Double.isNaN(h2BytesPerEvent)) {
                double ratio = h2BytesPerEvent / pgBytesPerEvent;
                target("H2 bytes per event (running) / PostgreSQL's", "<= 2.0x", ratio, "x", ratio <= 2.0);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(postgresUrl, postgresUser, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    // ---------------------------------------------------------------- the phases on one store

    /**
     * Everything measured on one Taskbot node, from a fresh store to the large one. On H2 the creates are compared
     * with the baseline app, on PostgreSQL with the raw INSERT floor of {@code floorUrl}.
     */
    static void storeScaling(Store store, boolean h2, Server baseline, String floorUrl) throws Exception {
        String db = h2 ? "H2" : "PostgreSQL";
        Account small = store.account();
        store.createTasks(small, 100);
        store.fillTo(sizes.smallStore());
        long smallEvents = store.events();
        Result createsSmall = Load.creates(store.base(), store.loadTokens(8), 8, 1, sizes.seconds());
        double getSmallAtSmall = Load.getP50(store.base(), small.token(), 200);
        log("%s at %d events: creates %s; 100-task user's GET p50 %.1f ms", db, smallEvents, createsSmall,
                getSmallAtSmall);

        // closed-loop creates, alternating with the baseline (H2) or the raw insert floor (PostgreSQL)
        Result[] ours = new Result[65];
        Result[] theirs = new Result[65];
        for (int clients : sizes.clientCounts()) {
            List<Result> a = new ArrayList<>();
            List<Result> b = new ArrayList<>();
            for (int round = 0; round < sizes.rounds(); round++) {
                if (h2) {
                    b.add(Load.creates(baseline.base(), baselineTokens(clients), clients, 2, sizes.seconds()));
                } else {
                    b.add(Floor.inserts(floorUrl, postgresUser, clients, sizes.seconds()));
                }
                a.add(Load.creates(store.base(), store.loadTokens(clients), clients, 2, sizes.seconds()));
            }
            ours[clients] = Result.merge(a);
            theirs[clients] = Result.merge(b);
            log("%s, %d clients: taskbot %s | %s %s | ratio %.2f", db, clients, ours[clients],
                    h2 ? "baseline" : "raw INSERT+COMMIT", theirs[clients],
                    ours[clients].perSecond() / theirs[clients].perSecond());
        }
        for (int clients : sizes.clientCounts()) {
            double ratio = ours[clients].perSecond() / theirs[clients].perSecond();
            String name = String.format("%s creates/s at %d clients: %s / %s", db, clients, fmt(ours[clients]),
                    (h2 ? "baseline " : "raw INSERT floor ") + fmt(theirs[clients]));
            if (h2 && (clients == 8 || clients == 32)) {
                target(name, ">= 0.30x", ratio, "x", ratio >= 0.3);
            } else {
                info(name, ratio, "x");
            }
        }
        for (int clients : new int[]{8, 32}) {
            double spread = ours[clients].p99() / ours[clients].p50();
            target(String.format("%s p99 / p50 at %d clients (%.1f / %.1f ms)", db, clients, ours[clients].p99(),
                    ours[clients].p50()), "<= 4.0x", spread, "x", spread <= 4.0);
        }
        double collapse = ours[64].perSecond() / ours[8].perSecond();
        target(db + " creates/s at 64 clients / at 8", ">= 0.90x", collapse, "x", collapse >= 0.9);
        if (h2) {
            Result floor = Floor.inserts("jdbc:h2:file:" + work.resolve("h2-floor/floor") + ";WRITE_DELAY=0", "sa",
                    8, sizes.seconds());
            info("H2 raw INSERT+COMMIT floor, 8 threads: " + fmt(floor) + "; Taskbot at 8 clients / floor",
                    ours[8].perSecond() / floor.perSecond(), "x");
        }

        if (h2) {
            store.fillTo(sizes.chatStore());
            Result chat = Chat.turns(store.base(), store.account().token(), sizes.chatTurns());
            log("chat turns at %d events: %s", store.events(), chat);
            target(String.format("chat turn p50 at %,d events (offline model)", store.events()), "<= 10 ms",
                    chat.p50(), "ms", chat.p50() <= 10);
            target(String.format("chat turn p99 at %,d events (offline model)", store.events()), "<= 25 ms",
                    chat.p99(), "ms", chat.p99() <= 25);
            SUMMARY.add(new String[]{"interpreter accuracy on the agent corpus", "see AgentCorpusIT",
                    System.getProperty("bench.agent-accuracy", "reported by AgentCorpusIT"), "-"});
        }

        store.fillTo(sizes.getsStore());
        Result gets = Load.gets(store.base(), small.token(), 8, sizes.seconds());
        target(String.format("%s GETs/s of /api/v1/tasks?limit=50 at %,d events (8 clients, p50 %.1f ms)", db,
                store.events(), gets.p50()), ">= 500/s", gets.perSecond(), "/s", gets.perSecond() >= 500);

        Account big = store.account();
        store.fillTo(sizes.largeStore(), big, sizes.bigUserTasks());
        long largeEvents = store.events();
        Result createsLarge = Load.creates(store.base(), store.loadTokens(8), 8, 1, sizes.seconds());
        double getSmallAtLarge = Load.getP50(store.base(), small.token(), 200);
        double getBigAtLarge = Load.getP50(store.base(), big.token(), 200);
        log("%s at %d events: creates %s; GET p50 100-task user %.1f ms, %d-task user %.1f ms", db, largeEvents,
                createsLarge, getSmallAtLarge, store.bigTasks.get(), getBigAtLarge);
        double createsGrowth = createsLarge.perSecond() / createsSmall.perSecond();
        target(String.format("%s creates/s (8 clients) at %,d events / at %,d (%.0f / %.0f)", db, largeEvents,
                smallEvents, createsLarge.perSecond(), createsSmall.perSecond()), ">= 0.80x", createsGrowth, "x",
                createsGrowth >= 0.8);
        double getGrowth = getSmallAtLarge / getSmallAtSmall;
        target(String.format("%s 100-task user's GET p50 at %,d events / at %,d (%.1f / %.1f ms)", db, largeEvents,
                smallEvents, getSmallAtLarge, getSmallAtSmall), "<= 1.20x", getGrowth, "x", getGrowth <= 1.2);
        double bigVsSmall = getBigAtLarge / getSmallAtLarge;
        target(String.format("%s GET p50 of a %,d-task user / a 100-task user (%.1f / %.1f ms)", db,
                store.bigTasks.get(), getBigAtLarge, getSmallAtLarge), "<= 3.0x", bigVsSmall, "x", bigVsSmall <= 3.0);

        if (h2 && sizes.rebuild()) {
            double perSecond = store.rebuildTasks();
            target(String.format("rebuild of the tasks read model (%s, %,d events)", db, store.events()),
                    ">= 20,000 events/s", perSecond, "events/s", perSecond >= 20_000);
        }
    }

    /** The baseline ignores the token's signature: a distinct one per client just gives each its own rows. */
    static List<String> baselineTokens(int clients) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add("client-" + i);
        }
        return tokens;
    }

    static Server startTaskbot(String name, Path data, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-jar", taskbotJar, "--taskbot.data-dir=" + data,
                "--taskbot.rate-limits.enabled=false", "--taskbot.kafka.embedded-port=0",
                // admins are made by the operator at start, never by sign-up
                "--taskbot.admins=" + ADMIN_EMAIL, "--taskbot.admin-password=" + ADMIN_PASSWORD,
                // the full run outlasts the default 1 h token lifetime
                "--taskbot.jwt.ttl=12h"));
        args.addAll(extra);
        // generous: on a machine shared with other builds a start has taken 10 minutes
        return Server.start(name, taskbotJvm, args, data, Duration.ofMinutes(15));
    }

    // ---------------------------------------------------------------- one Taskbot node under test

    record Account(String username, String token) {
    }

    static final class Store {
        final Server server;
        final List<Account> fillAccounts = new ArrayList<>();
        final AtomicLong bigTasks = new AtomicLong();
        final Account admin;

        Store(Server server) throws Exception {
            this.server = server;
            this.admin = Http.login(server.base(), ADMIN_EMAIL, ADMIN_PASSWORD);
        }

        String base() {
            return server.base();
        }

        Account account() throws Exception {
            String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return Http.account(base(), name, name + "@example.com");
        }

        List<String> loadTokens(int clients) throws Exception {
            while (fillAccounts.size() < Math.max(clients, sizes.fillClients())) {
                fillAccounts.add(account());
            }
            return fillAccounts.stream().limit(clients).map(Account::token).toList();
        }

        void createTasks(Account account, int count) throws Exception {
            for (int i = 0; i < count; i++) {
                Http.createTask(base(), account.token(), "task " + i);
            }
        }

        /** Every position in the event store so far (the newest global index), as the admin API reports it. */
        long events() throws Exception {
            String body = Http.get(base() + "/api/admin/read-models", admin.token(), 200);
            long newest = 0;
            Matcher m = Pattern.compile("\"position\"\\s*:\\s*(\\d+)\\s*,\\s*\"behind\"\\s*:\\s*(\\d+)").matcher(body);
            while (m.find()) {
                newest = Math.max(newest, Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)));
            }
            return newest;
        }

        void fillTo(long events) throws Exception {
            fillTo(events, null, 0);
        }

        /**
         * Creates tasks over HTTP with many clients until the store holds {@code events} events; a share of the creates
         * goes to {@code big}, spread over the fill, until it has {@code bigTarget} tasks. Bounded by the count and by a deadline.
         */
        void fillTo(long events, Account big, long bigTarget) throws Exception {
            long have = events();
            if (have >= events) {
                return;
            }
            List<String> tokens = loadTokens(sizes.fillClients());
            long started = System.nanoTime();
            AtomicLong remaining = new AtomicLong(events - have);
            // spread the big user's tasks over the whole fill, a little ahead so that it rarely needs a tail
            double bigShare = big == null ? 0 : Math.min(1.0, 1.1 * (bigTarget - bigTasks.get()) / (events - have));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(90);
            ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < tokens.size(); c++) {
                    String own = tokens.get(c);
                    clients.add(pool.submit(() -> {
                        long n = 0;
                        while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                            boolean toBig = big != null && bigTasks.get() < bigTarget
                                    && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < bigShare;
                            try {
                                Http.createTask(base(), toBig ? big.token() : own, "fill " + n++);
                                if (toBig) {
                                    bigTasks.incrementAndGet();
                                }
                            } catch (IllegalStateException failed) {
                                remaining.incrementAndGet();
                                if (ERRORS.incrementAndGet() <= 5) {
                                    log("error: %s", failed.getMessage());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long now = events();
            log("filled %d -> %d events in %.0f s (%.0f creates/s with %d clients)", have, now, seconds,
                    (now - have) / seconds, tokens.size());
            // a big user still short of its tasks gets the rest on its own
            while (big != null && bigTasks.get() < bigTarget && System.nanoTime() < deadline) {
                Http.createTask(base(), big.token(), "big " + bigTasks.incrementAndGet());
            }
        }

        /** Rebuilds the tasks read model through the admin API and waits until the new generation answers. */
        double rebuildTasks() throws Exception {
            long events = events();
            String before = Http.get(base() + "/api/admin/read-models", admin.token(), 200);
            int generation = generationOf(before);
            long started = System.nanoTime();
            Http.send(base() + "/api/admin/read-models/tasks/rebuild", admin.token(), "", "POST", 202);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (System.nanoTime() < deadline) {
                String now = Http.get(base() + "/api/admin/read-models", admin.token(), 200);
                if (generationOf(now) > generation) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log("rebuilt the tasks read model (%d events) in %.1f s", events, seconds);
                    return events / seconds;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the rebuild did not finish within 30 minutes");
        }

        private static int generationOf(String readModels) {
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"tasks\"[^}]*?\"generation\"\\s*:\\s*(\\d+)")
                    .matcher(readModels);
            if (!m.find()) {
                throw new IllegalStateException("no tasks read model in " + readModels);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    // ---------------------------------------------------------------- measurements

    /** Operations, the time they took, and their latencies (ms, sorted). */
    record Result(long count, double seconds, double[] latencies) {

        static Result of(List<Long> nanos, double seconds) {
            double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
            return new Result(ms.length, seconds, ms);
        }

        static Result merge(List<Result> results) {
            long count = 0;
            double seconds = 0;
            List<double[]> all = new ArrayList<>();
            for (Result r : results) {
                count += r.count();
                seconds += r.seconds();
                all.add(r.latencies());
            }
            double[] merged = all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            return new Result(count, seconds, merged);
        }

        double perSecond() {
            return count / seconds;
        }

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[Math.max(0, Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1))];
        }

        double p50() {
            return percentile(0.5);
        }

        double p99() {
            return percentile(0.99);
        }

        @Override
        public String toString() {
            return String.format("%.0f/s p50 %.1f ms p99 %.1f ms (n=%d)", perSecond(), p50(), p99(), count);
        }
    }

    static String fmt(Result r) {
        return String.format("%.0f/s p50 %.1f p99 %.1f ms", r.perSecond(), r.p50(), r.p99());
    }

    static final class Load {

        /** Closed loop: each client creates tasks back to back; a warm-up first, not counted. */
        static Result creates(String base, List<String> tokens, int clients, int warmupSeconds, int seconds)
                throws Exception {
            loop(clients, warmupSeconds, c -> Http.createTask(base, tokens.get(c % tokens.size()), "warm-up"));
            return loop(clients, seconds, c -> Http.createTask(base, tokens.get(c % tokens.size()), "load task"));
        }

        static Result gets(String base, String token, int clients, int seconds) throws Exception {
            loop(clients, 1, c -> Http.get(base + "/api/v1/tasks?limit=50", token, 200));
            return loop(clients, seconds, c -> Http.get(base + "/api/v1/tasks?limit=50", token, 200));
        }

        static double getP50(String base, String token, int count) throws Exception {
            for (int i = 0; i < 20; i++) {
                Http.get(base + "/api/v1/tasks?limit=50", token, 200);
            }
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                Http.get(base + "/api/v1/tasks?limit=50", token, 200);
                nanos.add(System.nanoTime() - start);
            }
            return Result.of(nanos, 1).p50();
        }

        interface Operation {
            void run(int client) throws Exception;
        }

        static Result loop(int clients, int seconds, Operation operation) throws Exception {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        List<Long> nanos = new ArrayList<>();
                        while (System.nanoTime() < end) {
                            long t = System.nanoTime();
                            try {
                                operation.run(client);
                                nanos.add(System.nanoTime() - t);
                            } catch (IllegalStateException failed) {
                                // an answer other than the expected one: counted, and the loop goes on
                                if (ERRORS.incrementAndGet() <= 5) {
                                    log("error: %s", failed.getMessage());
                                }
                            }
                        }
                        return nanos;
                    }));
                }
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> f : futures) {
                    all.addAll(f.get());
                }
                return Result.of(all, (System.nanoTime() - start) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The raw single-row INSERT+COMMIT rate of a database, with plain JDBC: the floor under any event store. */
    static final class Floor {
        static Result inserts(String url, String user, int threads, int seconds) throws Exception {
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_floor (id BIGINT GENERATED BY DEFAULT "
                        + "AS IDENTITY PRIMARY KEY, owner VARCHAR(255) NOT NULL, payload VARCHAR(1000) NOT NULL)");
            }
            String payload = "x".repeat(400);
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    Connection c = DriverManager.getConnection(url, user, "");
                    c.setAutoCommit(false);
                    connections.add(c);
                }
                return Load.loop(threads, seconds, t -> {
                    Connection c = connections.get(t);
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO bench_floor (owner, payload) VALUES (?, ?)")) {
                        insert.setString(1, "t" + t);
                        insert.setString(2, payload);
                        insert.executeUpdate();
                    }
                    c.commit();
                });
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                try (Connection c = DriverManager.getConnection(url, user, "")) {
                    c.createStatement().execute("DROP TABLE bench_floor");
                }
            }
        }
    }

    /** Chat turns with the offline model: a realistic mix, a new conversation every 10 turns. */
    static final class Chat {
        static final String[] SCRIPT = {
                "add buy milk %d tomorrow at 5pm", "remind me to call the dentist on friday, it's important",
                "list my tasks", "complete the first one", "make it urgent", "hi!", "search for milk",
                "delete buy milk %d", "what's due this week?", "thanks"};
        static final Pattern CONVERSATION = Pattern.compile("\"conversation_id\"\\s*:\\s*\"([^\"]+)\"");

        static Result turns(String base, String token, int turns) throws Exception {
            run(base, token, Math.min(50, turns));
            long start = System.nanoTime();
            List<Long> nanos = run(base, token, turns);
            return Result.of(nanos, (System.nanoTime() - start) / 1e9);
        }

        static List<Long> run(String base, String token, int turns) throws Exception {
            List<Long> nanos = new ArrayList<>();
            String conversation = null;
            for (int turn = 0; turn < turns; turn++) {
                int step = turn % SCRIPT.length;
                if (step == 0) {
                    conversation = null;
                }
                String body = "{\"message\":\"" + SCRIPT[step].formatted(turn / SCRIPT.length) + "\""
                        + (conversation == null ? "" : ",\"conversation_id\":\"" + conversation + "\"") + "}";
                long t = System.nanoTime();
                String answer = Http.send(base + "/api/chat", token, body, "POST", 200);
                nanos.add(System.nanoTime() - t);
                Matcher id = CONVERSATION.matcher(answer);
                if (id.find()) {
                    conversation = id.group(1);
                }
            }
            return nanos;
        }
    }

    // ---------------------------------------------------------------- HTTP

    static final class Http {
        static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

        static Account account(String base, String username, String email) throws Exception {
            String password = "bench-pass-1";
            send(base + "/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"username\":\"" + username
                    + "\",\"password\":\"" + password + "\"}", "POST", 200);
            return login(base, username, password);
        }

        static Account login(String base, String username, String password) throws Exception {
            String login = send(base + "/api/v1/auth/login", null,
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "POST", 200);
            Matcher m = TOKEN.matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("login answered " + login);
            }
            return new Account(username, m.group(1));
        }

        static void createTask(String base, String token, String title) throws Exception {
            send(base + "/api/v1/tasks", token, "{\"title\":\"" + title + "\"}", "POST", 201);
        }

        static String get(String url, String token, int expected) throws Exception {
            return send(url, token, null, "GET", expected);
        }

        static String send(String url, String token, String json, String method, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        }
    }

    // ---------------------------------------------------------------- servers

    static final class Server {
        final String name;
        final Process process;
        final int port;
        final long readyMillis;
        /** CPU seconds the process had used at its first healthy response: less sensitive to a busy machine. */
        final double readyCpuSeconds;

        private Server(String name, Process process, int port, long readyMillis, double readyCpuSeconds) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.readyMillis = readyMillis;
            this.readyCpuSeconds = readyCpuSeconds;
        }

        /** User + system CPU time of the process (and its threads) from /proc, in seconds (100 ticks a second). */
        static double cpuSeconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        /** Starts a JVM and waits for its first healthy response, which it times from the launch. */
        static Server start(String name, List<String> jvm, List<String> args, Path logDir, Duration timeout)
                throws Exception {
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(args);
            command.add("--server.port=" + port);
            command.add("--server.address=127.0.0.1");
            Path log = logDir.resolve(name + ".log");
            long launched = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server pending = new Server(name, process, port, -1, Double.NaN);
            RUNNING.add(pending);
            long deadline = launched + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; log:\n" + Files.readString(log));
                }
                try {
                    HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(pending.base()
                            + "/api/v1/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        long ready = (System.nanoTime() - launched) / 1_000_000;
                        double cpu = cpuSeconds(process.pid());
                        RUNNING.remove(pending);
                        Server server = new Server(name, process, port, ready, cpu);
                        RUNNING.add(server);
                        log("%s healthy on port %d after %d ms, %.1f CPU s (pid %d)", name, port, ready, cpu,
                                process.pid());
                        return server;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException(name + " was not healthy within " + timeout);
        }

        long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        /** SIGTERM, so that Spring closes the stores cleanly; SIGKILL only if that takes over a minute. */
        void stop() throws InterruptedException {
            RUNNING.remove(this);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static void stopAll() {
        List<Server> servers;
        synchronized (RUNNING) {
            servers = new ArrayList<>(RUNNING);
        }
        for (Server server : servers) {
            try {
                server.stop();
            } catch (InterruptedException e) {
                server.process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- reporting

    static void target(String what, String target, double value, String unit, boolean pass) {
        SUMMARY.add(new String[]{what, target, number(value) + " " + unit, pass ? "PASS" : "FAIL"});
        log("%s: %s %s (target %s) %s", what, number(value), unit, target, pass ? "PASS" : "FAIL");
    }

    static void info(String what, double value, String unit) {
        SUMMARY.add(new String[]{what, "-", number(value) + " " + unit, "info"});
        log("%s: %s %s", what, number(value), unit);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static void printSummary() {
        System.out.println();
        System.out.println("| what | target | measured | result |");
        System.out.println("|---|---|---|---|");
        for (String[] row : SUMMARY) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.flush();
    }

    static String describeJvm() {
        return taskbotJvm.isEmpty() ? "java -jar, no JVM options" : "java " + String.join(" ", taskbotJvm) + " -jar";
    }

    static void section(String title) {
        log("==== %s", title);
    }

    static void log(String format, Object... args) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (1/5/15-min load, running/total, last pid)"
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }

    static List<String> splitOptions(String options) {
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
