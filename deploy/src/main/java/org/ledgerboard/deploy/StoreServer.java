package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible store on 127.0.0.1, kept in an H2 file: the local runtime's database. A write is
 * answered only once it is in the file ({@link DurableH2Backend}), so a killed store loses nothing it acknowledged.
 */
public final class StoreServer {
    private static final int WRITERS = 32;

    private StoreServer() {
    }

    public static void main(String[] args) throws IOException {
        // Two positional arguments, always passed by deploy/ledgerboard: a CLI library would add nothing.
        if (args.length != 2) {
            System.err.println("usage: StoreServer PORT DATA_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        Path file = folder.resolve("ledgerboard-bson.mv");
        if (Files.exists(folder.resolve("ledgerboard.mv"))) {
            // Written with Java serialisation before documents were kept as BSON: not readable here. The services
            // restore their events from the ledger, and projections their views.
            System.out.println("Not reading " + folder.resolve("ledgerboard.mv") + " (an older format); the services "
                    + "restore the store from the ledger. Delete that file once they have.");
        }
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        // shutdown() also closes the backend, which commits and closes the H2 file: SIGTERM loses nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "store-shutdown"));
        // A write's worker thread waits for the commit that covers it; the more writers wait together, the more
        // writes one commit covers (Netty's default is two per core, which left commits covering two or three).
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WRITERS);
        System.out.println("Mongo-compatible store ready on 127.0.0.1:" + port);
    }
}
