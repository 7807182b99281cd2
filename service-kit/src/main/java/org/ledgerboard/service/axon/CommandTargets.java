package org.ledgerboard.service.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Which aggregate a command is for: the value of its {@link TargetAggregateIdentifier} method, or of the record
 * component carrying it, found once per command class. Axon's {@link AnnotationCommandTargetResolver} searches the
 * class's members and their annotations again for every command; under the write benchmark that was an eighth of
 * team-service's allocations. Ledgerboard's commands carry no {@link TargetAggregateVersion}: a class that does is
 * refused, rather than its version ignored.
 */
public final class CommandTargets implements CommandTargetResolver {
    public static final CommandTargets RESOLVER = new CommandTargets();

    private final ClassValue<MethodHandle> identifiers = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> command) {
            return identifierOf(command);
        }
    };

    private CommandTargets() {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        MethodHandle target = identifiers.get(payload.getClass());
        Object identifier;
        try {
            identifier = target.invoke(payload);
        } catch (Throwable e) {
            throw new IllegalArgumentException("could not read the target of " + command.getPayloadType(), e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " names no aggregate");
        }
        return new VersionedAggregateIdentifier(identifier, null);
    }

    private static MethodHandle identifierOf(Class<?> command) {
        Method[] methods = command.getMethods();
        if (Arrays.stream(methods).anyMatch(m -> m.isAnnotationPresent(TargetAggregateVersion.class))
                || Arrays.stream(command.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(TargetAggregateVersion.class))) {
            throw new IllegalArgumentException(command.getName() + " carries a target version, which is not supported");
        }
        // A record component's annotation is on its accessor too (TargetAggregateIdentifier targets methods).
        Method[] annotated = Arrays.stream(methods)
                .filter(m -> m.isAnnotationPresent(TargetAggregateIdentifier.class) && m.getParameterCount() == 0)
                .toArray(Method[]::new);
        if (annotated.length != 1) {
            throw new IllegalArgumentException(command.getName() + " needs exactly one @TargetAggregateIdentifier "
                    + "method or record component; it has " + annotated.length);
        }
        annotated[0].setAccessible(true); // a command class need not be public
        try {
            return MethodHandles.lookup().unreflect(annotated[0]);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(command.getName() + " does not let its target be read", e);
        }
    }
}
