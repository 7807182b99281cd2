package org.ledgerboard.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structure guards over every module's production classes. This module builds last in the reactor, so it reads
 * the other modules' compiled classes from their target folders (they are not on its classpath).
 */
class StructureTest {
    private static final List<String> MODULES = List.of("ledger-core", "ledger-kafka", "auditor", "service-kit",
            "testkit", "team-service", "evaluation-service", "ranking-service", "projections", "deploy");
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        List<Path> folders = MODULES.stream().map(m -> Path.of("..", m, "target", "classes")).toList();
        assertThat(folders).as("modules compiled before deploy").allMatch(Files::isDirectory);
        classes = new ClassFileImporter().importPaths(folders);
        assertThat(classes.containPackage("org.ledgerboard.team.competition")).as("the services' classes were read")
                .isTrue();
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.ledgerboard.(*)..").should().beFreeOfCycles().check(classes);
    }

    // One rule per module: a single rule over "org.ledgerboard.(**)" left out team-service's cycle when tried.
    @ParameterizedTest
    @ValueSource(strings = {"core", "service", "team", "evaluation", "ranking", "projections"})
    void packagesOfAModuleHaveNoCycles(String module) {
        slices().matching("org.ledgerboard." + module + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyWriteNamesTheRolesItNeeds() {
        methods().that().areAnnotatedWith("jakarta.ws.rs.POST").should().beAnnotatedWith("jakarta.annotation.security.RolesAllowed")
                .because("every act is taken by an authenticated actor in a role (reads stay public)")
                .check(classes);
    }

    @Test
    void ledgerCoreDependsOnNoFramework() {
        noClasses().that().resideInAPackage("org.ledgerboard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.axonframework..",
                        "org.ledgerboard.service..")
                .because("the auditor replays the ledger with ledger-core alone, outside any service")
                .check(classes);
    }

    @Test
    void ledgerCoreKnowsNeitherKafkaNorTheCommandLine() {
        noClasses().that().resideInAPackage("org.ledgerboard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "picocli..",
                        "org.ledgerboard.auditor..")
                .because("ledger-core is the contract, its integrity, rules and folds; Kafka is ledger-kafka's and "
                        + "the command line the auditor module's, so that no service carries the latter")
                .check(classes);
    }

    @Test
    void theLedgerHasOneReader() {
        noClasses().that().resideOutsideOfPackages("org.ledgerboard.kafka..", "org.ledgerboard.deploy..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.consumer.KafkaConsumer")
                .because("the auditor, projections, reactions and tests read the ledger through LedgerReader, with "
                        + "one set of settings per pace (deploy's benchmarks watch the broker as outsiders do)")
                .check(classes);
    }
}
