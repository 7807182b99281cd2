package org.ledgerboard.service.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.ledgerboard.core.event.Actor;

import java.util.Map;

/**
 * The actor as Axon metadata: a command carries it, and the correlation provider copies it into every event the
 * command records, so the event store and then the ledger record say who acted.
 */
public final class ActorMetaData {
    public static final String ACTOR = "actor";
    public static final String ISSUER = "actoriss";

    private ActorMetaData() {
    }

    public static Map<String, String> of(Actor actor) {
        return Map.of(ACTOR, actor.attribute(), ISSUER, actor.issuer());
    }

    /** The actor a message carries, or null. */
    public static Actor actorOf(MetaData metaData) {
        Object actor = metaData.get(ACTOR);
        Object issuer = metaData.get(ISSUER);
        return actor == null || issuer == null ? null : Actor.parse(actor.toString(), issuer.toString());
    }

    /** A command a service sends on its own account, e.g. a reaction to the ledger. */
    public static CommandMessage<?> byService(String source, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(of(Actor.service(source)));
    }
}
