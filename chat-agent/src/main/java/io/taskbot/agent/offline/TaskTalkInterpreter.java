package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Understands one utterance of task talk and says what a task assistant should do about it. Deterministic and
 * in-process: the same utterance and context always give the same actions.
 * <p>
 * Safety first: a pending bulk change is only carried out on a clear yes; text that tries to change the rules is
 * refused; a change to many tasks becomes a {@link Action.ConfirmBulk} question. Task titles are only ever compared,
 * never read as instructions.
 */
public final class TaskTalkInterpreter {

    /** Said when a message breaks the reading itself; a turn must get an answer, never an exception. */
    static final String UNREADABLE = "Sorry, I couldn't read the numbers or dates in that message, so I changed "
            + "nothing. Could you say it another way?";

    public List<Action> interpret(String utterance, ConversationContext context) {
        Objects.requireNonNull(context, "context");
        try {
            return understand(utterance, context);
        } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException unreadable) {
            // the grammar bounds every number it reads; this is the net under a bound someone forgot
            return List.of(new Reply(UNREADABLE));
        }
    }

    private List<Action> understand(String utterance, ConversationContext context) {
        String text = Utterance.normalize(utterance);
        if (context.pending() != null) {
            return Guard.answer(text, context, this);
        }
        if (text.isEmpty()) {
            return List.of(new Reply(TalkRules.HELP));
        }
        Utterance read = Utterance.read(text, context.today(), context.now(), context.dateOrder());
        if (Guard.isInjection(read)) {
            return List.of(new Reply(Guard.REFUSAL));
        }
        Optional<List<Action>> undo = UndoRules.read(read, context);
        if (undo.isPresent()) {
            return undo.get();
        }
        List<Action> few = Guard.fewListed(read, context);
        if (!few.isEmpty()) {
            return few;
        }
        Optional<Action> bulk = Guard.bulkRequest(read, context);
        if (bulk.isPresent()) {
            return List.of(bulk.get());
        }
        Turn turn = new Turn(context, read, Clauses.split(read.masked()));
        for (int i = 0; i < turn.clauses().size(); i++) {
            turn.startClause(i);
            ClauseReader.read(turn, turn.clauses().get(i));
        }
        return outcome(turn.actions());
    }

    /**
     * Replies only matter when nothing else happens: "hi, add milk" adds milk without a greeting in between. When
     * two parts of a message say something about the same field of the same task, the later one stands: "X isn't
     * that important, make it low" sets low once, and "X's cancelled, take it off" deletes without completing first.
     */
    private static List<Action> outcome(List<Action> actions) {
        List<Action> acting = new ArrayList<>();
        for (Action action : actions) {
            if (!(action instanceof Reply) && !acting.contains(action)) {
                acting.add(action);
            }
        }
        for (int later = acting.size() - 1; later > 0; later--) {
            for (int earlier = later - 1; earlier >= 0; earlier--) {
                if (acting.get(earlier) instanceof Action.UpdateTask first
                        && first.id().equals(idOf(acting.get(later)))) {
                    Action.UpdateTask kept = withoutWhatIsSaidAgain(first, acting.get(later));
                    if (kept == null) {
                        acting.remove(earlier);
                        later--;
                    } else {
                        acting.set(earlier, kept);
                    }
                }
            }
        }
        if (!acting.isEmpty()) {
            return List.copyOf(acting);
        }
        if (actions.isEmpty()) {
            return List.of(new Reply(TalkRules.NOT_UNDERSTOOD));
        }
        return List.of(actions.get(0));
    }

    private static String idOf(Action action) {
        return action instanceof Action.UpdateTask update ? update.id()
                : action instanceof Action.DeleteTask delete ? delete.id() : null;
    }

    /** The earlier update without the fields the later action sets again; null when nothing of it is left. */
    private static Action.UpdateTask withoutWhatIsSaidAgain(Action.UpdateTask first, Action later) {
        if (later instanceof Action.DeleteTask) {
            return null;
        }
        Action.UpdateTask second = (Action.UpdateTask) later;
        Action.UpdateTask kept = new Action.UpdateTask(first.id(), second.title() != null ? null : first.title(),
                second.description() != null ? null : first.description(),
                second.priority() != null ? null : first.priority(),
                second.dueDate() != null || second.clearDueDate() ? null : first.dueDate(),
                second.tags() != null ? null : first.tags(),
                second.completed() != null ? null : first.completed(),
                !(second.dueDate() != null || second.clearDueDate()) && first.clearDueDate(),
                second.recurrence() != null ? null : first.recurrence());
        boolean empty = kept.title() == null && kept.description() == null && kept.priority() == null
                && kept.dueDate() == null && kept.tags() == null && kept.completed() == null && !kept.clearDueDate()
                && kept.recurrence() == null;
        return empty ? null : kept.equals(first) ? first : kept;
    }
}
