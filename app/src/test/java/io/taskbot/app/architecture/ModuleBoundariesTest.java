package io.taskbot.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, checked on the compiled classes of every module on the app's classpath. The rules are stated
 * over the package structure rather than lists of packages: {@code io.taskbot.<side>..} belongs to its side's module,
 * and every other package under {@code io.taskbot} is the shared kernel's, so a new package is covered as soon as it
 * exists.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "io.taskbot";

    /** The first package below {@code io.taskbot} of each side, and the Maven module that holds it. */
    private static final Map<String, String> SIDES = Map.of(
            "command", "command-side",
            "query", "query-side",
            "agent", "chat-agent",
            "app", "app");
    private static final String SHARED_KERNEL_MODULE = "shared-kernel";
    private static final String APP = ROOT + ".app..";
    private static final String COMMAND_SIDE = ROOT + ".command..";
    private static final String QUERY_SIDE = ROOT + ".query..";

    private static final DescribedPredicate<JavaClass> IN_THE_SHARED_KERNEL = describe(
            "reside in the shared kernel (any package under " + ROOT + " but " + SIDES.keySet() + ")",
            javaClass -> side(javaClass).isEmpty() && javaClass.getPackageName().startsWith(ROOT + "."));

    private static JavaClasses taskbot;

    @BeforeAll
    static void importClasses() {
        taskbot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The first package below {@code io.taskbot}, e.g. {@code task} or {@code command}. */
    private static Optional<String> topPackage(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static Optional<String> side(JavaClass javaClass) {
        return topPackage(javaClass).filter(SIDES::containsKey);
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        Set<String> topPackages = taskbot.getPackage(ROOT).getSubpackages().stream()
                .map(JavaPackage::getRelativeName).collect(Collectors.toSet());
        assertThat(topPackages).containsAll(SIDES.keySet());
        // the kernel's packages are found, not listed; these are just the ones it has always had
        assertThat(topPackages).contains("task", "conversation", "user", "messaging", "readmodel");
    }

    /**
     * A package belongs to the module its name says: {@code io.taskbot.query..} to the query side, a kernel package to
     * the shared kernel. Otherwise a class could slip past the rules below by living in the wrong module.
     */
    @Test
    void everyPackageLivesInTheModuleItsNameSays() {
        classes().should(liveInTheirModule()).check(taskbot);
    }

    /**
     * Besides Axon's annotations, the kernel knows Axon's gateways and message metadata (not its buses, stores or
     * configuration): the one read-your-writes path that every channel takes, {@code ReadYourWrites}, is written
     * over them.
     */
    @Test
    void theSharedKernelIsPlainJavaPlusAxonAnnotationsAndGateways() {
        // lib-recur is the one library besides: a recurrence rule is checked and expanded once, in the kernel
        classes().that(IN_THE_SHARED_KERNEL)
                .should().onlyDependOnClassesThat(IN_THE_SHARED_KERNEL.or(resideInAnyPackage(
                        "java..", "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                        "org.axonframework.commandhandling", "org.axonframework.commandhandling.gateway",
                        "org.axonframework.queryhandling", "org.axonframework.messaging", "org.dmfs.rfc5545..")))
                .check(taskbot);
    }

    /** The command side, the query side and the agent meet only in the shared kernel's commands, queries and events. */
    @Test
    void theSidesNeverDependOnEachOther() {
        slices().assignedFrom(sidesButTheApp())
                .should().notDependOnEachOther()
                .check(taskbot);
    }

    /** The app assembles the modules; nothing below it knows it. */
    @Test
    void nothingButTheAppKnowsTheApp() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .check(taskbot);
    }

    /**
     * The app reaches the command and query sides through Axon's gateways only. Its assembly code, the
     * {@code @Configuration} classes, may name the sides' published settings (such as the Kafka topic): wiring them is
     * its job.
     */
    @Test
    void outsideItsAssemblyTheAppUsesGatewaysNotTheSides() {
        noClasses().that().resideInAPackage(APP).and().areNotAnnotatedWith(Configuration.class)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
                .check(taskbot);
    }

    @Test
    void onlyTheAppHasControllers() {
        // meta-annotated: @RestController and @RestControllerAdvice included
        classes().that(metaAnnotatedWith(Controller.class).or(metaAnnotatedWith(ControllerAdvice.class)))
                .should().resideInAPackage(APP)
                .check(taskbot);
    }

    @Test
    void onlyTheAppReachesTheWeb() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(taskbot);
    }

    /** The sides other than the app, one slice each; classes of the kernel and the app belong to none. */
    private static SliceAssignment sidesButTheApp() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return side(javaClass).filter(side -> !side.equals("app"))
                        .map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "the sides " + SIDES.keySet().stream().filter(side -> !side.equals("app")).sorted().toList();
            }
        };
    }

    private static ArchCondition<JavaClass> liveInTheirModule() {
        return new ArchCondition<>("live in the module their package names (" + SIDES + ", otherwise "
                + SHARED_KERNEL_MODULE + ")") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String expected = side(javaClass).map(SIDES::get).orElse(SHARED_KERNEL_MODULE);
                Optional<String> actual = module(javaClass);
                boolean satisfied = actual.map(expected::equals).orElse(false);
                events.add(new SimpleConditionEvent(javaClass, satisfied, javaClass.getName() + " should be in "
                        + expected + " but is in " + actual.orElse("an unknown place")));
            }
        };
    }

    /**
     * The Maven module a class was compiled in: its classes directory ({@code <module>/target/classes}) or its jar
     * ({@code <module>/target/<module>-<version>.jar}) sits in the module's {@code target} directory.
     */
    private static Optional<String> module(JavaClass javaClass) {
        return javaClass.getSource().map(source -> {
            String uri = source.getUri().toString();
            String classFile = javaClass.getName().replace('.', '/') + ".class";
            String location = uri.startsWith("jar:") ? uri.substring("jar:".length(), uri.indexOf("!/"))
                    : uri.substring(0, uri.length() - classFile.length());
            Path target = Path.of(URI.create(location)).getParent();
            return target != null && target.getParent() != null
                    ? target.getParent().getFileName().toString() : null;
        });
    }
}
