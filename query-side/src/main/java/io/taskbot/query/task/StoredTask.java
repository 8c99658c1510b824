package io.taskbot.query.task;

import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskState;
import io.taskbot.user.UserId;

/**
 * A task as one generation of the read model holds it: its state after the event with sequence number
 * {@code version}, tombstones included. The projection writes it, and hands the same value to readers waiting for
 * their own write.
 */
record StoredTask(TaskState state, long version) {

    /** What {@code requester} gets to see of it: a deleted task is gone for everyone, someone else's is not theirs. */
    TaskLookup lookupFor(UserId requester) {
        if (state.deleted()) {
            return TaskLookup.notFound();
        }
        return state.ownedBy(requester) ? TaskLookup.found(state.view(version)) : TaskLookup.notOwner();
    }
}
