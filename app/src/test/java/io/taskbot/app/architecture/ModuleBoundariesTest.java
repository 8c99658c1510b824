package io.taskbot.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of the README's architecture section, checked on the compiled classes of every module on the
 * app's classpath.
 */
class ModuleBoundariesTest {

    private static final String[] SHARED_KERNEL = {"io.taskbot.task..", "io.taskbot.user..", "io.taskbot.messaging..",
            "io.taskbot.readmodel.."};
    private static final String COMMAND_SIDE = "io.taskbot.command..";
    private static final String QUERY_SIDE = "io.taskbot.query..";
    private static final String CHAT_AGENT = "io.taskbot.agent..";
    private static final String APP = "io.taskbot.app..";
    private static final String[] ADAPTERS = {"io.taskbot.app.contract000..", "io.taskbot.app.contract003..",
            "io.taskbot.app.contract004..", "io.taskbot.app.chat..", "io.taskbot.app.task..", "io.taskbot.app.web.."};

    private static JavaClasses taskbot;

    @BeforeAll
    static void importClasses() {
        taskbot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.taskbot");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        org.assertj.core.api.Assertions.assertThat(taskbot.containPackage("io.taskbot.task")).isTrue();
        org.assertj.core.api.Assertions.assertThat(taskbot.containPackage("io.taskbot.command.task")).isTrue();
        org.assertj.core.api.Assertions.assertThat(taskbot.containPackage("io.taskbot.query.task")).isTrue();
    }

    @Test
    void theSharedKernelIsPlainJavaPlusAxonAnnotations() {
        classes().that().resideInAnyPackage(SHARED_KERNEL)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.taskbot.task..", "io.taskbot.user..", "io.taskbot.messaging..",
                        "io.taskbot.readmodel..",
                        "org.axonframework.modelling.command..", "org.axonframework.serialization..")
                .check(taskbot);
    }

    @Test
    void theCommandSideKnowsNeitherTheQuerySideNorTheAdapters() {
        noClasses().that().resideInAPackage(COMMAND_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY_SIDE, CHAT_AGENT, APP)
                .check(taskbot);
    }

    @Test
    void theQuerySideKnowsNeitherTheCommandSideNorTheAdapters() {
        noClasses().that().resideInAPackage(QUERY_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, CHAT_AGENT, APP)
                .check(taskbot);
    }

    @Test
    void theChatAgentReachesTheSidesOnlyThroughAxonGateways() {
        noClasses().that().resideInAPackage(CHAT_AGENT)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, APP)
                .allowEmptyShould(true)
                .check(taskbot);
    }

    /**
     * The REST adapters reach the sides only through Axon's gateways. The app's assembly code (configuration of
     * infrastructure such as the Kafka topic) may name the sides' published settings: assembling them is its job.
     */
    @Test
    void theAdaptersUseGatewaysNotTheSidesInternals() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
                .check(taskbot);
    }

    @Test
    void onlyTheAppHasControllers() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAPackage(APP)
                .check(taskbot);
    }

    @Test
    void neitherSideDependsOnTheWeb() {
        noClasses().that().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(taskbot);
    }
}
