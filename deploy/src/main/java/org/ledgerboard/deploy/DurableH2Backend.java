package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.Set;

/**
 * The H2 backend with every write committed to its file before the write is answered. H2's MVStore otherwise
 * commits in the background about once a second, and a {@code kill -9} of the store lost the last second of
 * acknowledged writes. Concurrent writers share commits: a commit writes whatever every writer has changed.
 * Committed means handed to the operating system, so it survives the death of the process (not of the machine:
 * that would need an fsync per write, which production's MongoDB replica set with majority writes provides).
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection", "bulkwrite");

    DurableH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            commit();
        }
        return answer;
    }
}
