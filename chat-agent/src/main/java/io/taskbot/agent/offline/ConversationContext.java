package io.taskbot.agent.offline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the interpreter knows besides the utterance.
 *
 * @param today          the user's date, against which "tomorrow" or "on friday" are resolved
 * @param zone           the user's zone; date-times are written with its offset
 * @param now            the user's wall-clock time; "at 8am" after 8am means tomorrow
 * @param tasks          the user's current tasks, oldest first
 * @param lastListedIds  ids shown by the most recent listing or search in this conversation, in order
 * @param lastTouchedId  the task most recently created or changed in this conversation, or {@code null}
 * @param pending        a bulk change awaiting yes or no from the previous turn, or {@code null}
 * @param dateOrder      how the user writes numeric dates ("3/4")
 * @param lastTurnChanges the ids of the tasks the previous turn created, changed or deleted, in order: what
 *                        "undo" takes back
 */
public record ConversationContext(LocalDate today, ZoneId zone, LocalTime now, List<TaskRef> tasks,
                                  List<String> lastListedIds, String lastTouchedId, PendingConfirmation pending,
                                  DateOrder dateOrder, List<String> lastTurnChanges) {

    public ConversationContext {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        lastListedIds = lastListedIds == null ? List.of() : List.copyOf(lastListedIds);
        dateOrder = dateOrder == null ? DateOrder.MONTH_FIRST : dateOrder;
        lastTurnChanges = lastTurnChanges == null ? List.of() : List.copyOf(lastTurnChanges);
    }

    public ConversationContext(LocalDate today, ZoneId zone, LocalTime now, List<TaskRef> tasks,
                               List<String> lastListedIds, String lastTouchedId, PendingConfirmation pending,
                               DateOrder dateOrder) {
        this(today, zone, now, tasks, lastListedIds, lastTouchedId, pending, dateOrder, List.of());
    }

    public ConversationContext(LocalDate today, ZoneId zone, LocalTime now, List<TaskRef> tasks,
                               List<String> lastListedIds, String lastTouchedId, PendingConfirmation pending) {
        this(today, zone, now, tasks, lastListedIds, lastTouchedId, pending, DateOrder.MONTH_FIRST);
    }

    public ConversationContext withDateOrder(DateOrder order) {
        return new ConversationContext(today, zone, now, tasks, lastListedIds, lastTouchedId, pending, order,
                lastTurnChanges);
    }

    /** A fresh conversation: no listing, nothing touched, nothing pending. */
    public static ConversationContext startingAt(ZonedDateTime userNow, List<TaskRef> tasks) {
        return new ConversationContext(userNow.toLocalDate(), userNow.getZone(), userNow.toLocalTime(), tasks,
                List.of(), null, null);
    }

    public ConversationContext withTasks(List<TaskRef> newTasks) {
        return new ConversationContext(today, zone, now, newTasks, lastListedIds, lastTouchedId, pending,
                dateOrder, lastTurnChanges);
    }

    public ConversationContext withLastListedIds(List<String> ids) {
        return new ConversationContext(today, zone, now, tasks, ids, lastTouchedId, pending, dateOrder,
                lastTurnChanges);
    }

    public ConversationContext withLastTouchedId(String id) {
        return new ConversationContext(today, zone, now, tasks, lastListedIds, id, pending, dateOrder, lastTurnChanges);
    }

    public ConversationContext withPending(PendingConfirmation confirmation) {
        return new ConversationContext(today, zone, now, tasks, lastListedIds, lastTouchedId, confirmation,
                dateOrder, lastTurnChanges);
    }

    public ConversationContext withLastTurnChanges(List<String> ids) {
        return new ConversationContext(today, zone, now, tasks, lastListedIds, lastTouchedId, pending, dateOrder, ids);
    }
}
