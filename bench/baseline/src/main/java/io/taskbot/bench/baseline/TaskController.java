package io.taskbot.bench.baseline;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * POST /api/v1/tasks and GET /api/v1/tasks in Taskbot's request and response shape. The owner is the bearer token
 * as sent (no signature check): the baseline measures what a create costs a plain CRUD app, not authentication.
 */
@RestController
@RequestMapping("/api/v1")
class TaskController {

    private final JdbcTemplate jdbc;

    TaskController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record NewTask(String title) {
    }

    record Task(long id, String title, String status, Instant created_at) {
    }

    @PostMapping("/tasks")
    ResponseEntity<Object> create(@RequestHeader(name = "Authorization", defaultValue = "") String owner,
                                  @RequestBody NewTask body) {
        if (body.title() == null || body.title().isBlank() || body.title().length() > 255) {
            return ResponseEntity.badRequest().body(Map.of("detail", "title must be 1-255 characters"));
        }
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tasks (owner, title, status, created_at) VALUES (?, ?, 'pending', ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, owner);
            insert.setString(2, body.title().trim());
            insert.setTimestamp(3, Timestamp.from(now));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id))
                .body(new Task(id, body.title().trim(), "pending", now));
    }

    @GetMapping("/tasks")
    List<Task> list(@RequestHeader(name = "Authorization", defaultValue = "") String owner,
                    @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return jdbc.query("SELECT id, title, status, created_at FROM tasks WHERE owner = ? ORDER BY id LIMIT ? OFFSET ?",
                (row, n) -> new Task(row.getLong(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()), owner, limit, offset);
    }

    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "healthy");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("detail", "Invalid JSON"));
    }
}
