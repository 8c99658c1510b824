package io.taskbot.query.task;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.readmodel.Generations;
import io.taskbot.query.readmodel.ReadModelPointers;
import io.taskbot.query.readmodel.RebuildableReadModel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** The task read model as a rebuildable whole: one {@code tasks} collection per generation. */
final class TaskReadModel implements RebuildableReadModel {

    static final String NAME = "tasks";

    private final MongoDatabase database;
    private final ReadModelPointers pointers;
    private final ProjectionProgress<StoredTask> progress;
    private final TaskChangeNotifier changes;
    private final Map<Integer, TaskViewStore> stores = new ConcurrentHashMap<>();

    TaskReadModel(MongoDatabase database, ReadModelPointers pointers, ProjectionProgress<StoredTask> progress,
                  TaskChangeNotifier changes) {
        this.database = database;
        this.pointers = pointers;
        this.progress = progress;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections(int generation) {
        return List.of(Generations.collection(TaskViewStore.COLLECTION, generation));
    }

    @Override
    public void createIndexes(int generation) {
        store(generation).createIndexes();
    }

    @Override
    public Object projection(int generation, BooleanSupplier reportsProgress) {
        return new TaskProjection(store(generation), generation, progress, reportsProgress, changes);
    }

    /** The generation queries read now, read afresh. */
    int activeGeneration() {
        return pointers.activeGeneration(NAME);
    }

    TaskViewStore store(int generation) {
        return stores.computeIfAbsent(generation, number -> new TaskViewStore(database, number));
    }
}
