package org.ledgerboard.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;

/** An in-memory MongoDB-wire store on a free port and a driver client to it, for the grouping tests. */
final class MemoryStore implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    MemoryStore() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=1000");
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("test").getCollection(name);
    }

    /** Stops the server, the client staying: what a store that cannot be reached looks like to it. */
    void stopServer() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
