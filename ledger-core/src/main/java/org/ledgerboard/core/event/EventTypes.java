package org.ledgerboard.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The CloudEvents {@code type} of each event: {@code org.ledgerboard.} followed by the record's name. */
public final class EventTypes {
    public static final String PREFIX = "org.ledgerboard.";

    private static final Map<String, Class<? extends LedgerEvent>> BY_TYPE = Arrays
            .stream(LedgerEvent.class.getPermittedSubclasses())
            .map(EventTypes::asEventClass)
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Class<? extends LedgerEvent> eventClass) {
        return PREFIX + eventClass.getSimpleName();
    }

    public static String typeOf(LedgerEvent event) {
        return typeOf(event.getClass());
    }

    public static Optional<Class<? extends LedgerEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends LedgerEvent> asEventClass(Class<?> c) {
        return (Class<? extends LedgerEvent>) c;
    }
}
