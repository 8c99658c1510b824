package io.taskbot.messaging;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;

import java.util.function.Predicate;

/**
 * The one way every channel (the REST contracts, the chat agent and its tools, MCP) writes and then reads its own
 * write: the command goes out with the caller's metadata, and the read that follows is a query that waits for the
 * projection to report the written version. When the read model does not get there in time the write stands, and
 * the caller learns it through one exception, {@link ReadModelLagException}.
 * <p>
 * A plain class over Axon's gateways, so that per-request objects (such as the agent's tools) can make one cheaply.
 */
public final class ReadYourWrites {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ReadYourWrites(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Sends {@code command} as {@code caller} and answers with the command handler's result, e.g. the version. */
    public <R> R send(Object command, Caller caller) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(caller.metadata())));
    }

    /**
     * Asks {@code query}, one that waits for a written version, and answers with its result once that shows the
     * write.
     *
     * @param showsTheWrite  whether the answer reflects the write (the query's handler answers what it has when the
     *                       projection did not get there in time)
     * @param whatWasWritten names the write for the client, e.g. "Task 12"
     * @throws ReadModelLagException when the answer does not show the write
     */
    public <R> R readAfterWrite(Object query, Class<R> resultType, Predicate<R> showsTheWrite, String whatWasWritten) {
        R result = read(query, resultType);
        if (!showsTheWrite.test(result)) {
            throw new ReadModelLagException(whatWasWritten + " was saved but the read model is behind; "
                    + "read it again shortly");
        }
        return result;
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    public <R> R read(Object query, Class<R> resultType) {
        return queries.query(query, resultType).join();
    }
}
