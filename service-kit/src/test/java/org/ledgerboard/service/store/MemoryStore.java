package org.ledgerboard.service.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.util.Arrays;

/** An in-memory MongoDB-wire store on a free port and a driver client to it, whose commands listeners hear. */
public final class MemoryStore implements AutoCloseable {
    public static final String DATABASE = "test";
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public MemoryStore(CommandListener... listeners) {
        InetSocketAddress address = server.bind();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=1000"));
        Arrays.stream(listeners).forEach(settings::addCommandListener);
        client = MongoClients.create(settings.build());
    }

    public MongoClient client() {
        return client;
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase(DATABASE).getCollection(name);
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
