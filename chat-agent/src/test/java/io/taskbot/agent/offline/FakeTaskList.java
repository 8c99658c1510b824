package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.ConfirmBulk;
import io.taskbot.agent.offline.Action.CreateTask;
import io.taskbot.agent.offline.Action.DeleteTask;
import io.taskbot.agent.offline.Action.ListTasks;
import io.taskbot.agent.offline.Action.SearchTasks;
import io.taskbot.agent.offline.Action.UndoTask;
import io.taskbot.agent.offline.Action.UpdateTask;
import io.taskbot.task.Priority;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny in-memory stand-in for the task tools and the conversation memory: it applies actions the way the real
 * tools would, and remembers what was listed, what was touched and what waits for a yes, so that multi-turn
 * examples ("list my tasks" then "complete the third one") can run without the application. Like the event store,
 * it keeps each task's earlier states, so that an undo restores the one before the last change (a task that did
 * not exist before it goes again).
 */
final class FakeTaskList {

    private final List<TaskRef> tasks = new ArrayList<>();
    private final LocalDate today;
    private final ZoneId zone;
    private final LocalTime now;
    private int nextId = 41;
    private List<String> lastListedIds = List.of();
    private String lastTouchedId;
    private String lastCreatedId;
    private PendingConfirmation pending;
    private List<String> lastTurnChanges = List.of();
    /** Each task's states before its changes, the latest on top; an empty Optional: it did not exist yet. */
    private final Map<String, Deque<Optional<TaskRef>>> history = new HashMap<>();

    FakeTaskList(LocalDate today, ZoneId zone, LocalTime now) {
        this.today = today;
        this.zone = zone;
        this.now = now;
    }

    /** Adds a task directly, as if it had been created before the conversation; returns its id. */
    String seed(String title, Priority priority, List<String> tags, boolean completed) {
        String id = String.valueOf(nextId++);
        tasks.add(new TaskRef(id, title, completed, priority, null, tags));
        return id;
    }

    ConversationContext context() {
        return new ConversationContext(today, zone, now, tasks, lastListedIds, lastTouchedId, pending,
                DateOrder.MONTH_FIRST, lastTurnChanges);
    }

    String lastCreatedId() {
        return lastCreatedId;
    }

    List<TaskRef> tasks() {
        return List.copyOf(tasks);
    }

    /** Runs one utterance through the interpreter and applies what it decided; returns the actions. */
    List<Action> say(TaskTalkInterpreter interpreter, String utterance) {
        List<Action> actions = interpreter.interpret(utterance, context());
        apply(actions);
        return actions;
    }

    void apply(List<Action> actions) {
        PendingConfirmation asked = null;
        Set<String> changed = new LinkedHashSet<>();
        for (Action action : actions) {
            if (action.toolName().isPresent() && action.toolArguments().containsKey("id")) {
                changed.add(String.valueOf(action.toolArguments().get("id")));
            }
            if (action instanceof CreateTask create) {
                String id = String.valueOf(nextId++);
                remember(id, Optional.empty());
                changed.add(id);
                tasks.add(new TaskRef(id, create.title(), false,
                        create.priority() == null ? Priority.DEFAULT : create.priority(), create.dueDate(),
                        create.tags()));
                lastTouchedId = id;
                lastCreatedId = id;
            } else if (action instanceof UpdateTask update) {
                find(update.id()).ifPresent(task -> remember(task.id(), Optional.of(task)));
                update(update);
                lastTouchedId = update.id();
            } else if (action instanceof DeleteTask delete) {
                find(delete.id()).ifPresent(task -> remember(task.id(), Optional.of(task)));
                tasks.removeIf(task -> task.id().equals(delete.id()));
                lastTouchedId = null;
            } else if (action instanceof UndoTask undo) {
                undo(undo.id());
                lastTouchedId = undo.id();
            } else if (action instanceof ListTasks list) {
                lastListedIds = tasks.stream().filter(task -> matches(list, task)).map(TaskRef::id).toList();
            } else if (action instanceof SearchTasks search) {
                String query = search.query().toLowerCase(Locale.ROOT);
                lastListedIds = tasks.stream()
                        .filter(task -> task.title().toLowerCase(Locale.ROOT).contains(query))
                        .map(TaskRef::id).toList();
            } else if (action instanceof ConfirmBulk confirm) {
                asked = confirm.confirmation();
            }
        }
        pending = asked;
        lastTurnChanges = List.copyOf(changed);
    }

    private Optional<TaskRef> find(String id) {
        return tasks.stream().filter(task -> task.id().equals(id)).findFirst();
    }

    private void remember(String id, Optional<TaskRef> before) {
        history.computeIfAbsent(id, key -> new ArrayDeque<>()).push(before);
    }

    /** Restores the state before the task's last change; nothing happens when there is none (the tool's 409). */
    private void undo(String id) {
        Deque<Optional<TaskRef>> states = history.get(id);
        if (states == null || states.isEmpty()) {
            return;
        }
        Optional<TaskRef> before = states.pop();
        int index = -1;
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(id)) {
                index = i;
            }
        }
        if (before.isEmpty()) {
            if (index >= 0) {
                tasks.remove(index);
            }
        } else if (index >= 0) {
            tasks.set(index, before.get());
        } else {
            tasks.add(before.get());
        }
    }

    private void update(UpdateTask update) {
        for (int i = 0; i < tasks.size(); i++) {
            TaskRef task = tasks.get(i);
            if (task.id().equals(update.id())) {
                tasks.set(i, new TaskRef(task.id(),
                        update.title() != null ? update.title() : task.title(),
                        update.completed() != null ? update.completed() : task.completed(),
                        update.priority() != null ? update.priority() : task.priority(),
                        update.clearDueDate() ? null : update.dueDate() != null ? update.dueDate() : task.dueDate(),
                        update.tags() != null ? update.tags() : task.tags()));
            }
        }
    }

    private static boolean matches(ListTasks list, TaskRef task) {
        if (list.completed() != null && list.completed() != task.completed()) {
            return false;
        }
        if (list.priority() != null && list.priority() != task.priority()) {
            return false;
        }
        if (list.tag() != null && !task.tags().contains(list.tag())) {
            return false;
        }
        if (list.dueBefore() == null && list.dueAfter() == null) {
            return true;
        }
        if (task.dueDate() == null) {
            return false;
        }
        LocalDate due = task.dueDate().length() == 10
                ? LocalDate.parse(task.dueDate()) : OffsetDateTime.parse(task.dueDate()).toLocalDate();
        return (list.dueBefore() == null || !due.isAfter(LocalDate.parse(list.dueBefore())))
                && (list.dueAfter() == null || !due.isBefore(LocalDate.parse(list.dueAfter())));
    }
}
