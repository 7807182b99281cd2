package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The H2 backend with every write committed to its file before the write is answered. H2's MVStore otherwise
 * commits in the background about once a second, and a {@code kill -9} of the store lost the last second of
 * acknowledged writes. Concurrent writers share commits (group commit). Committed means handed to the operating
 * system, so it survives the death of the process (not of the machine: that would need an fsync per write, which
 * production's MongoDB replica set with majority writes provides).
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection", "bulkwrite");

    private final AtomicLong written = new AtomicLong();
    private long committed; // guarded by this: every write numbered up to here is in the file

    DurableH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
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
}
