package io.taskbot.app.admin;

import io.taskbot.readmodel.DeadLetterRetry;
import io.taskbot.readmodel.DeadLetters;
import io.taskbot.readmodel.FindDeadLettersQuery;
import io.taskbot.readmodel.FindReadModelsQuery;
import io.taskbot.readmodel.ReadModelStatus;
import io.taskbot.readmodel.ReadModelStatuses;
import io.taskbot.readmodel.RebuildReadModelCommand;
import io.taskbot.readmodel.RetryDeadLettersCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The read models as operators see them: their state, rebuilds (202: the rebuild runs on, watch it with
 * {@code GET /api/admin/read-models}), and the events their projections could not apply. Admins only (see the
 * security configuration).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ReadModelAdminController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    ReadModelAdminController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record RetryResponse(String processor, int retried, long remaining) {
    }

    @GetMapping("/read-models")
    List<ReadModelResponse> readModels() {
        return statuses().stream().map(ReadModelResponse::of).toList();
    }

    @PostMapping("/read-models/rebuild")
    ResponseEntity<List<ReadModelResponse>> rebuildAll() {
        List<ReadModelResponse> started = statuses().stream()
                .map(status -> ReadModelResponse.of(rebuild(status.name())))
                .toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @PostMapping("/read-models/{name}/rebuild")
    ResponseEntity<ReadModelResponse> rebuildOne(@PathVariable String name) {
        if (statuses().stream().noneMatch(status -> status.name().equals(name))) {
            throw new UnknownResourceException("No read model named '" + name + "'");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReadModelResponse.of(rebuild(name)));
    }

    @GetMapping("/dead-letters")
    List<DeadLetterResponse> deadLetters() {
        DeadLetters found = queries.query(new FindDeadLettersQuery(), DeadLetters.class).join();
        return found.processors().stream()
                .flatMap(processor -> processor.letters().stream()
                        .map(letter -> DeadLetterResponse.of(processor, letter)))
                .toList();
    }

    /** Applies the processor's dead letters again, in order; those that fail again stay. */
    @PostMapping("/dead-letters/{processor}/retry")
    RetryResponse retry(@PathVariable String processor) {
        DeadLetterRetry retry = commands.sendAndWait(new RetryDeadLettersCommand(processor));
        if (!retry.known()) {
            throw new UnknownResourceException("No read-model processor named '" + processor + "' runs here");
        }
        return new RetryResponse(retry.processor(), retry.retried(), retry.remaining());
    }

    private List<ReadModelStatus> statuses() {
        return queries.query(new FindReadModelsQuery(), ReadModelStatuses.class).join().readModels();
    }

    private ReadModelStatus rebuild(String name) {
        return commands.sendAndWait(new RebuildReadModelCommand(name));
    }
}
