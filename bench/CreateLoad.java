import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple closed-loop load on contract 000: each client registers its own user, then creates tasks back to back
 * (POST /api/v1/tasks, which answers only after the read model shows the task) for the given time.
 * Prints creates per second and latency percentiles. Run with: java bench/CreateLoad.java [baseUrl] [clients] [seconds]
 */
public class CreateLoad {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(registerAndLogin(http, baseUrl));
        }
        // warm-up: a second of creates per client, not counted
        run(http, baseUrl, tokens, 1);
        long[] latencies = run(http, baseUrl, tokens, seconds);

        Arrays.sort(latencies);
        System.out.printf("clients=%d duration=%ds creates=%d creates/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms%n",
                clients, seconds, latencies.length, latencies.length / (double) seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    }

    private static long[] run(HttpClient http, String baseUrl, List<String> tokens, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size(), runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<List<Long>>> results = new ArrayList<>();
        for (String token : tokens) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tasks"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"load task " + n++ + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static String registerAndLogin(HttpClient http, String baseUrl) throws Exception {
        String name = "load" + UUID.randomUUID().toString().substring(0, 8);
        String password = "load-pass-1";
        post(http, baseUrl + "/api/v1/auth/register",
                "{\"email\":\"" + name + "@example.com\",\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        String login = post(http, baseUrl + "/api/v1/auth/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        Matcher matcher = TOKEN.matcher(login);
        if (!matcher.find()) {
            throw new IllegalStateException("login failed: " + login);
        }
        return matcher.group(1);
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
