package org.ledgerboard.service.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTargetsTest {
    record SelectTeam(@TargetAggregateIdentifier String competitionId, String teamId) {
    }

    record MakeSubmission(String competitionId, String submissionId) {
        @TargetAggregateIdentifier
        public String evaluationId() {
            return "evaluation-" + competitionId;
        }
    }

    record Versioned(@TargetAggregateIdentifier String competitionId, @TargetAggregateVersion Long version) {
    }

    record Untargeted(String competitionId) {
    }

    @Test
    void theTargetIsTheAnnotatedRecordComponent() {
        assertThat(target(new SelectTeam("c-1", "t-1"))).isEqualTo("c-1");
    }

    @Test
    void theTargetIsTheAnnotatedMethodsValue() {
        assertThat(target(new MakeSubmission("c-1", "s-1"))).isEqualTo("evaluation-c-1");
    }

    @Test
    void axonsOwnResolverFindsTheSameTargets() {
        AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();
        for (Object command : new Object[] {new SelectTeam("c-2", "t-1"), new MakeSubmission("c-2", "s-1")}) {
            GenericCommandMessage<Object> message = new GenericCommandMessage<>(command);
            assertThat(CommandTargets.RESOLVER.resolveTarget(message))
                    .isEqualTo(axons.resolveTarget(message));
        }
    }

    @Test
    void aCommandWithoutItsTargetIsRefused() {
        assertThatThrownBy(() -> target(new SelectTeam(null, "t-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no aggregate");
    }

    @Test
    void aCommandClassWithoutATargetIsRefused() {
        assertThatThrownBy(() -> target(new Untargeted("c-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
    }

    @Test
    void aTargetVersionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> target(new Versioned("c-1", 3L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target version");
    }

    private static Object target(Object command) {
        return CommandTargets.RESOLVER.resolveTarget(new GenericCommandMessage<>(command)).getIdentifier();
    }
}
