import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of chat turns with the offline model, end to end over HTTP (POST /api/chat: the user's message recorded,
 * history and tasks read, the tool loop run, the tools' commands applied and the answer recorded and projected).
 * One client, turns back to back, a new conversation every 10 turns, a realistic mix of creates, listings,
 * references, completions, searches, deletions and small talk.
 * Run with: java bench/ChatTurns.java [baseUrl] [turns]
 */
public class ChatTurns {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CONVERSATION = Pattern.compile("\"conversation_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] SCRIPT = {
            "add buy milk %d tomorrow at 5pm", "remind me to call the dentist on friday, it's important",
            "list my tasks", "complete the first one", "make it urgent", "hi!", "search for milk",
            "delete buy milk %d", "what's due this week?", "thanks"};

    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = registerAndLogin(http, baseUrl);

        run(http, baseUrl, token, 50);
        long[] latencies = run(http, baseUrl, token, turns);
        Arrays.sort(latencies);
        System.out.printf("chat turns=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n", latencies.length,
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
    }

    private static long[] run(HttpClient http, String baseUrl, String token, int turns) throws Exception {
        long[] latencies = new long[turns];
        String conversation = null;
        for (int turn = 0; turn < turns; turn++) {
            int step = turn % SCRIPT.length;
            if (step == 0) {
                conversation = null;
            }
            String message = SCRIPT[step].formatted(turn / SCRIPT.length);
            String body = "{\"message\":\"" + message + "\""
                    + (conversation == null ? "" : ",\"conversation_id\":\"" + conversation + "\"") + "}";
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/chat"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            latencies[turn] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(message + " -> " + response.statusCode() + " " + response.body());
            }
            Matcher id = CONVERSATION.matcher(response.body());
            if (id.find()) {
                conversation = id.group(1);
            }
        }
        return latencies;
    }

    private static String registerAndLogin(HttpClient http, String baseUrl) throws Exception {
        String name = "chat" + UUID.randomUUID().toString().substring(0, 8);
        post(http, baseUrl + "/api/v1/auth/register",
                "{\"email\":\"" + name + "@example.com\",\"username\":\"" + name + "\",\"password\":\"chat-pass-1\"}");
        Matcher matcher = TOKEN.matcher(post(http, baseUrl + "/api/v1/auth/login",
                "{\"username\":\"" + name + "\",\"password\":\"chat-pass-1\"}"));
        if (!matcher.find()) {
            throw new IllegalStateException("login failed");
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
