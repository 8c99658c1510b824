package io.taskbot.app.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recurring tasks over HTTP in contracts 000 and 004: rules, completions that move the due date, zones, errors. */
@TaskbotApp
class RecurrenceIT {

    private static final String BERLIN = "Europe/Berlin";

    static ApiClient client;
    static ApiClient inBerlin;

    User ada;
    V1User alice;

    @BeforeAll
    static void connect(RunningApp running) {
        client = running.client();
        inBerlin = client.withHeader("X-Time-Zone", BERLIN);
    }

    @BeforeEach
    void registerUsers() {
        ada = Users.register(client, "recur");
        alice = V1Users.register(client, "recur");
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private JsonNode create004(ApiClient via, Map<String, Object> body) {
        Response response = via.post("/v1/tasks", alice.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    private JsonNode complete004(long id) {
        Response response = client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", true));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data");
    }

    private JsonNode create000(ApiClient via, Map<String, Object> body) {
        Response response = via.post("/api/v1/tasks", ada.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode update000(long id, Map<String, Object> body) {
        Response response = client.put("/api/v1/tasks/" + id, ada.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aWeeklyTaskCompletedInContract004StaysOpenDueTheNextWeek() {
        JsonNode task = create004(client, body("title", "Team meeting", "due_date", "2026-12-07",
                "recurrence", "FREQ=WEEKLY;BYDAY=MO"));
        assertThat(task.get("recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");

        JsonNode completed = complete004(task.get("id").asLong());

        assertThat(completed.get("completed").asBoolean()).isFalse();
        assertThat(completed.get("status").asText()).isEqualTo("pending");
        assertThat(completed.get("due_date").asText()).isEqualTo("2026-12-14");
        assertThat(completed.get("recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
    }

    @Test
    void theHistoryShowsTheCompletedOccurrenceAndTheNextDueDate() {
        long id = create004(client, body("title", "Rent", "due_date", "2026-12-01",
                "recurrence", "FREQ=MONTHLY;BYMONTHDAY=1")).get("id").asLong();
        assertThat(complete004(id).get("due_date").asText()).isEqualTo("2027-01-01");

        Response history = client.get("/v1/tasks/" + id + "/history", alice.token());
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode entries = history.json().get("data");
        assertThat(entries.get(0).at("/changes/recurrence").asText()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=1");
        JsonNode occurrence = entries.get(1);
        assertThat(occurrence.get("type").asText()).isEqualTo("task.occurrence_completed");
        assertThat(occurrence.at("/changes/completed_due_date").asText()).isEqualTo("2026-12-01");
        assertThat(occurrence.at("/changes/due_date").asText()).isEqualTo("2027-01-01");
    }

    @Test
    void anIntervalSkipsDaysInContract000() {
        JsonNode task = create000(client, body("title", "Water the plants", "due_date", "2026-12-01",
                "recurrence", "FREQ=DAILY;INTERVAL=2"));

        JsonNode completed = update000(task.get("id").asLong(), Map.of("status", "completed"));

        assertThat(completed.get("status").asText()).isEqualTo("pending");
        assertThat(completed.get("due_date").asText()).isEqualTo("2026-12-03");
        assertThat(completed.get("recurrence").asText()).isEqualTo("FREQ=DAILY;INTERVAL=2");
    }

    @Test
    void aCountEndsTheSeriesAndTheLastCompletionIsForGood() {
        long id = create004(client, body("title", "Physio", "due_date", "2026-12-01",
                "recurrence", "FREQ=DAILY;COUNT=2")).get("id").asLong();

        assertThat(complete004(id).get("due_date").asText()).isEqualTo("2026-12-02");
        JsonNode last = complete004(id);

        assertThat(last.get("completed").asBoolean()).isTrue();
        assertThat(last.get("due_date").asText()).isEqualTo("2026-12-02");
    }

    @Test
    void aDailyTaskAtNineInBerlinStaysAtNineAcrossTheSpringChange() {
        long id = create004(inBerlin, body("title", "Stand-up", "due_date", "2027-03-27T09:00:00+01:00",
                "recurrence", "FREQ=DAILY")).get("id").asLong();

        assertThat(complete004(id).get("due_date").asText()).isEqualTo("2027-03-28T09:00+02:00");
        assertThat(complete004(id).get("due_date").asText()).isEqualTo("2027-03-29T09:00+02:00");
    }

    @Test
    void aRecurringTaskWithoutDueDateIsDueAtItsFirstOccurrenceFromTodayInTheUsersZone() {
        List<String> today = new ArrayList<>();
        today.add(LocalDate.now(ZoneId.of(BERLIN)).toString());
        JsonNode task = create000(inBerlin, body("title", "Journal", "recurrence", "FREQ=DAILY"));
        today.add(LocalDate.now(ZoneId.of(BERLIN)).toString());

        assertThat(task.get("due_date").asText()).isIn(today);
    }

    @Test
    void settingTheRecurrenceToNullStopsIt() {
        long id = create000(client, body("title", "Gym", "due_date", "2026-12-01", "recurrence", "FREQ=WEEKLY"))
                .get("id").asLong();

        JsonNode unchanged = update000(id, Map.of("title", "Gym class"));
        assertThat(unchanged.get("recurrence").asText()).isEqualTo("FREQ=WEEKLY");
        JsonNode stopped = update000(id, body("recurrence", null));
        assertThat(stopped.get("recurrence").isNull()).isTrue();
        JsonNode done = update000(id, Map.of("status", "completed"));
        assertThat(done.get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aRecurrenceSetByAnUpdateRepeatsTheTask() {
        JsonNode created = create004(client, body("title", "Backups", "due_date", "2026-12-04"));
        assertThat(created.get("recurrence").isNull()).isTrue();

        Response updated = client.put("/v1/tasks/" + created.get("id").asLong(), alice.token(),
                Map.of("recurrence", "FREQ=WEEKLY;BYDAY=FR"));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().at("/data/recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
        assertThat(complete004(created.get("id").asLong()).get("due_date").asText()).isEqualTo("2026-12-11");
    }

    @Test
    void theRecurrenceIsShownInListsAndPastStates() {
        JsonNode task = create004(client, body("title", "Plants", "due_date", "2026-12-01", "recurrence", "FREQ=DAILY"));
        long id = task.get("id").asLong();

        Response list = client.get("/v1/tasks", alice.token());
        assertThat(list.json().at("/data/tasks/0/recurrence").asText()).isEqualTo("FREQ=DAILY");
        Response asOf = client.get("/v1/tasks/" + id + "?as_of=" + task.get("updated_at").asText(), alice.token());
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
        assertThat(asOf.json().at("/data/recurrence").asText()).isEqualTo("FREQ=DAILY");
        Response plain = client.get("/api/v1/tasks", ada.token());
        assertThat(plain.status()).isEqualTo(200);
    }

    @Test
    void aMalformedRuleIsA400InEachContractsFormatAndChangesNothing() {
        Response v1 = client.post("/v1/tasks", alice.token(), body("title", "x", "recurrence", "every monday"));
        assertThat(v1.status()).as(v1.body()).isEqualTo(400);
        assertThat(v1.json().get("success").asBoolean(true)).isFalse();
        assertThat(v1.json().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(v1.json().at("/error/message").asText()).contains("RFC 5545");

        Response api = client.post("/api/v1/tasks", ada.token(), body("title", "x", "recurrence", "RRULE:FREQ=DAILY"));
        assertThat(api.status()).as(api.body()).isEqualTo(400);
        assertThat(api.json().get("detail").asText()).contains("RRULE:");

        Response notText = client.post("/api/v1/tasks", ada.token(), body("title", "x", "recurrence", 7));
        assertThat(notText.status()).as(notText.body()).isEqualTo(400);

        long id = create000(client, body("title", "Keep")).get("id").asLong();
        Response update = client.put("/api/v1/tasks/" + id, ada.token(), body("title", "Changed",
                "recurrence", "FREQ=NEVER"));
        assertThat(update.status()).as(update.body()).isEqualTo(400);
        assertThat(client.get("/api/v1/tasks/" + id, ada.token()).json().get("title").asText()).isEqualTo("Keep");
        assertThat(client.get("/api/v1/tasks", ada.token()).json()).hasSize(1);
        assertThat(v1.body() + api.body()).doesNotContain("Exception");
    }

    @Test
    void anUnknownTimeZoneIsA400() {
        Response response = client.withHeader("X-Time-Zone", "Mars/Olympus").post("/v1/tasks", alice.token(),
                body("title", "x", "recurrence", "FREQ=DAILY"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("X-Time-Zone");
    }
}
