package org.ledgerboard.service.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configurer;
import org.ledgerboard.service.telemetry.LedgerTracing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command carries the context of the span that sent it (a REST request's, a reaction's) as metadata; Axon's
 * correlation providers copy it into the events it records ({@link LedgerTracing#KEYS}), so the event store keeps
 * it for the publisher, however late that publishes.
 */
@ApplicationScoped
class TracedCommands implements AxonModule {
    private final LedgerTracing tracing;

    TracedCommands(LedgerTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.onInitialize(c -> c.onStart(() -> c.commandBus().registerDispatchInterceptor(this::traced)));
    }

    private BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> traced(List<? extends CommandMessage<?>> commands) {
        Map<String, String> context = tracing.current();
        return (index, command) -> context.isEmpty() || command.getMetaData().containsKey(LedgerTracing.KEYS.get(0))
                ? command : command.andMetaData(context);
    }
}
