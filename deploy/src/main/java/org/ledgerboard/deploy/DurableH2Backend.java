package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The H2 backend with every write committed to its file before the write is answered. H2's MVStore otherwise
 * commits in the background about once a second, and a {@code kill -9} of the store lost the last second of
 * acknowledged writes. Concurrent writers share commits (group commit). Committed means handed to the operating
 * system, so it survives the death of the process (not of the machine: that would need an fsync per write, which
 * production's MongoDB replica set with majority writes provides). Documents and index keys are kept as BSON
 * ({@link BsonStoreType}).
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection", "bulkwrite");
    private static final int CACHE_MB = 64;
    /**
     * How long H2 keeps a chunk after its pages moved on. Its default, 45 s, assumes commits about once a second;
     * at one commit per write it kept tens of thousands of chunks and the file grew past a gigabyte an hour under
     * the write benchmark. Commits are not fsynced (see above), so a shorter wait gives up nothing they promised.
     */
    private static final int RETENTION_MS = 2_000;

    /**
     * Pages split above 4 KB instead of H2's 16 KB. Every commit writes each page it changed whole, encoding every
     * document in it again; with a commit per write, serialising pages was half of the store's time under the
     * write benchmark, and pages four times smaller hold a quarter of the documents to encode again.
     */
    private static final int PAGE_SPLIT_BYTES = 4 * 1024;

    private final AtomicLong written = new AtomicLong();
    private long committed; // guarded by this: every write numbered up to here is in the file

    DurableH2Backend(String file) {
        this(file, RETENTION_MS, CACHE_MB);
    }

    /** With another retention time and cache size, for tests. */
    DurableH2Backend(String file, int retentionMs, int cacheMb) {
        super(open(file, retentionMs, cacheMb));
    }

    private static MVStore open(String file, int retentionMs, int cacheMb) {
        MVStore store = new MVStore.Builder().fileName(file).cacheSize(cacheMb).pageSplitSize(PAGE_SPLIT_BYTES).open();
        store.setRetentionTime(retentionMs);
        return store;
    }

    /**
     * A command reads the version current when it starts, page by page, while other commands commit newer ones. Once
     * a version is older than the retention time, H2 may reuse the chunks only it still needs: a scan slower than that
     * (a big collection, a long garbage collection) then failed with "Chunk … not found". Registering the version
     * as in use, as H2's own transactions do, keeps it until the command is done.
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        Document answer;
        try {
            answer = super.handleCommand(channel, database, command, query);
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commitUpTo(written.incrementAndGet());
        }
        return answer;
    }

    /** Group commit: one commit covers every write made before it started, so waiting writers skip theirs. */
    private synchronized void commitUpTo(long write) {
        if (committed >= write) {
            return;
        }
        long upTo = written.get();
        commit();
        committed = upTo;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName);
    }

    /**
     * H2's database, its documents and index keys typed as BSON. H2Database opens its maps untyped; a map opened
     * here first, typed, is the one it then gets. (An inner class: H2Database's constructor already opens maps
     * through these methods, before a field of a subclass would be set.)
     */
    private final class BsonDatabase extends H2Database {
        BsonDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** H2Database's collection, with its maps typed and its updates stored as copies ({@link Collection}). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = typed("databases." + name); // H2Database's names for the maps
            MVMap<String, Object> meta = getMvStore().openMap("meta." + name);
            return new Collection(this, collectionName, options, data, meta);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            typed(getFullCollectionNamespace(collectionName) + "._index_" + indexName); // and for an index's map
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        private <K, V> MVMap<K, V> typed(String mapName) {
            return getMvStore().openMap(mapName, new MVMap.Builder<K, V>()
                    .keyType(BsonStoreType.BSON).valueType(BsonStoreType.BSON));
        }
    }

    /**
     * The backend updates a stored document in place and then stores it again; stored here is a copy instead, so
     * that an object once stored is never changed in place and its remembered encoding ({@link BsonStoreType})
     * stays true. The commit after an update then writes the copy; the old object is only in older versions.
     */
    private final class Collection extends H2Collection {
        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta) {
            super(database, name, options, data, meta, getCursorRegistry());
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
        }
    }
}
