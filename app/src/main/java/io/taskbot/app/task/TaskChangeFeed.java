package io.taskbot.app.task;

import io.taskbot.task.TaskChange;
import io.taskbot.task.WatchTasksQuery;
import io.taskbot.user.UserId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes of one user's tasks as the read model applies them, through an Axon subscription query: whatever
 * changed them (any contract, the chat, another client), the watcher hears of it once the read model shows it.
 * Updates are those applied by this node's projection.
 */
@Component
public class TaskChangeFeed {

    private final QueryGateway queries;

    TaskChangeFeed(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * A watch of {@code owner}'s tasks.
     *
     * @param total   how many tasks the owner had when the watch began; changes from then on come in {@code changes}
     * @param changes every change of one of the owner's tasks, never another user's
     * @param result  the subscription, to be cancelled when the watcher leaves
     */
    public record Watch(Mono<Long> total, Flux<TaskChange> changes, SubscriptionQueryResult<Long, TaskChange> result) {

        public void cancel() {
            result.cancel();
        }
    }

    public Watch watch(UserId owner) {
        SubscriptionQueryResult<Long, TaskChange> result = queries.subscriptionQuery(new WatchTasksQuery(owner),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(TaskChange.class));
        return new Watch(result.initialResult(), result.updates(), result);
    }
}
