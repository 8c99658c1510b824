package io.taskbot.query.conversation;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.readmodel.EventPositions;
import io.taskbot.query.readmodel.Generations;
import io.taskbot.query.readmodel.ReadModelPointers;
import io.taskbot.query.readmodel.RebuildableReadModel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The conversation history as a rebuildable whole: its two collections switch generations together, so a reader
 * never sees the conversations of one generation with the messages of another.
 */
final class ConversationHistoryReadModel implements RebuildableReadModel {

    static final String NAME = "conversation-history";

    private final MongoDatabase database;
    private final ReadModelPointers pointers;
    private final ProjectionProgress<ConversationMark> progress;
    private final EventPositions positions;
    private final Map<Integer, ConversationHistoryStore> stores = new ConcurrentHashMap<>();

    ConversationHistoryReadModel(MongoDatabase database, ReadModelPointers pointers,
                                 ProjectionProgress<ConversationMark> progress,
                                 EventPositions positions) {
        this.database = database;
        this.pointers = pointers;
        this.progress = progress;
        this.positions = positions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections(int generation) {
        return List.of(Generations.collection(ConversationHistoryStore.CONVERSATIONS, generation),
                Generations.collection(ConversationHistoryStore.MESSAGES, generation));
    }

    @Override
    public void createIndexes(int generation) {
        store(generation).createIndexes();
    }

    @Override
    public Object projection(int generation, BooleanSupplier reportsProgress) {
        return new ConversationHistoryProjection(store(generation), generation, progress, reportsProgress,
                positions::of);
    }

    /** The generation queries read now, read afresh. */
    int activeGeneration() {
        return pointers.activeGeneration(NAME);
    }

    ConversationHistoryStore store(int generation) {
        return stores.computeIfAbsent(generation, number -> new ConversationHistoryStore(database, number));
    }
}
