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

    /** Replies only matter when nothing else happens: "hi, add milk" adds milk without a greeting in between. */
    private static List<Action> outcome(List<Action> actions) {
        List<Action> acting = new ArrayList<>();
        for (Action action : actions) {
            if (!(action instanceof Reply) && !acting.contains(action)) {
                acting.add(action);
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
}
