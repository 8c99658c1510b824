package io.taskbot.app.readmodel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with secondary indexes that narrow queries by their leading field (see
 * {@link LeadingFieldIndex}); everything else is the library's. Uses the hook the library keeps for backends of
 * their own ({@code openOrCreateSecondaryIndex}).
 */
final class IndexingH2Backend extends H2Backend {

    IndexingH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexingH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class IndexingH2Database extends H2Database {

        IndexingH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        /**
         * One {@link LeadingFieldIndex} per leading field and collection: the {@code tasks} indexes all lead with
         * {@code owner}, and a second set of the same positions would only cost memory and writes. The others keep
         * the library's placeholder, which answers nothing; a query goes to the first index that can answer it.
         * (Read models never drop single indexes, only whole collections, so the one that answers stays.)
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            if (!LeadingFieldIndex.supports(keys) || leadingFieldIndexed(collectionName, indexName, keys)) {
                return new EmptyIndex<>(indexName, keys);
            }
            return new LeadingFieldIndex(indexName, keys);
        }

        private boolean leadingFieldIndexed(String collectionName, String indexName, List<IndexKey> keys) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            return collection != null && collection.getIndexes().stream()
                    .anyMatch(index -> index instanceof LeadingFieldIndex leading
                            && leading.field().equals(keys.get(0).getKey())
                            && !leading.getName().equals(indexName));
        }
    }
}
