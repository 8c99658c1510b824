package io.taskbot.command.task;

import io.taskbot.task.TaskId;

/** Hands out task ids that no other app node hands out. */
@FunctionalInterface
interface TaskIdAllocator {

    TaskId next();
}
