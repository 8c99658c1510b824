package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskWritten;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Creates tasks: allocates the id outside the aggregate (an aggregate cannot know the next free id) and lets the new
 * Task decide whether the command is valid.
 */
class TaskCreationHandler {

    private final Repository<Task> tasks;
    private final TaskIdAllocator ids;

    TaskCreationHandler(Repository<Task> tasks, TaskIdAllocator ids) {
        this.tasks = tasks;
        this.ids = ids;
    }

    @CommandHandler
    TaskWritten handle(CreateTaskCommand command) throws Exception {
        TaskId id = ids.next();
        tasks.newInstance(() -> new Task(id, command));
        return new TaskWritten(id, 0);
    }
}
