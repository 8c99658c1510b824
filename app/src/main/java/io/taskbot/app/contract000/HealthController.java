package io.taskbot.app.contract000;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Contract 000's health check, without authentication; reports unhealthy when a store the API needs is down. */
@RestController
class HealthController {

    private final HealthEndpoint health;
    private final Clock clock;

    HealthController(HealthEndpoint health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    record HealthResponse(String status, String timestamp) {
    }

    @GetMapping(path = "/api/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HealthResponse> health() {
        boolean up = Status.UP.equals(health.health().getStatus());
        HealthResponse body = new HealthResponse(up ? "healthy" : "unhealthy",
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
