package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible store on 127.0.0.1, kept in an H2 file: the local runtime's database. A write is
 * answered only once it is in the file ({@link DurableH2Backend}), so a killed store loses nothing it acknowledged.
 */
public final class StoreServer {
    private StoreServer() {
    }

    public static void main(String[] args) throws IOException {
        // Two positional arguments, always passed by deploy/ledgerboard: a CLI library would add nothing.
        if (args.length != 2) {
            System.err.println("usage: StoreServer PORT DATA_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Files.createDirectories(Path.of(args[1])).resolve("ledgerboard.mv");
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        // shutdown() also closes the backend, which commits and closes the H2 file: SIGTERM loses nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "store-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("Mongo-compatible store ready on 127.0.0.1:" + port);
    }
}
