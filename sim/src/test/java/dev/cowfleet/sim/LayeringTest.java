package dev.cowfleet.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;


/**
 * The layering of DESIGN.md, checked on the compiled main classes of both modules: physics in
 * {@code models} (no I/O, no clock, no threads, no package cycles), time and I/O in {@code sim}, and a
 * flow in one direction, scenario file to validated scenario to runs to results to writers, with no
 * layer reaching back up.
 *
 * <p>The rules are methods, not {@code ArchRule} fields: surefire's {@code -Dtest=LayeringTest} filter
 * keeps only tests with a method source, and silently ran none of the field rules.
 */
@AnalyzeClasses(packages = "dev.cowfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static void modelsKnowNothingOfTheSimulator(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("dev.cowfleet.models..")
            .should().dependOnClassesThat().resideInAPackage("dev.cowfleet.sim..")
            .check(classes);
    }

    @ArchTest
    static void modelsDoNoIoAndHaveNoClockOrThreads(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("dev.cowfleet.models..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.io..", "java.nio..", "java.net..", "java.time..", "java.util.concurrent..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .check(classes);
    }

    @ArchTest
    static void modelPackagesFormNoCycle(JavaClasses classes) {
        slices()
            .matching("dev.cowfleet.models.(*)..").should().beFreeOfCycles()
            .check(classes);
    }

    @ArchTest
    static void simPackagesFormNoCycle(JavaClasses classes) {
        slices()
            .matching("dev.cowfleet.sim.(*)..").should().beFreeOfCycles()
            .check(classes);
    }

    /** The engine (calendar, streams, statistics) and the executors are domain-free: they import no cowfleet package. */
    @ArchTest
    static void engineAndExecutorsAreDomainFree(JavaClasses classes) {
        noClasses()
            .that().resideInAnyPackage("dev.cowfleet.sim.engine..", "dev.cowfleet.sim.exec..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.cowfleet.models..",
                    "dev.cowfleet.sim.scenario..", "dev.cowfleet.sim.host..", "dev.cowfleet.sim.run..",
                    "dev.cowfleet.sim.fleet..", "dev.cowfleet.sim.result..", "dev.cowfleet.sim.report..",
                    "dev.cowfleet.sim.sweep..", "dev.cowfleet.sim.calibrate..", "dev.cowfleet.sim.cli..",
                    "dev.cowfleet.sim.app..", "dev.cowfleet.sim.observe..")
            .check(classes);
    }

    @ArchTest
    static void simFlowsOneWay(JavaClasses classes) {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Scenario").definedBy("dev.cowfleet.sim.scenario..")
            .layer("Host").definedBy("dev.cowfleet.sim.host..")
            .layer("Run").definedBy("dev.cowfleet.sim.run..")
            .layer("Fleet").definedBy("dev.cowfleet.sim.fleet..")
            .layer("Result").definedBy("dev.cowfleet.sim.result..")
            .layer("Report").definedBy("dev.cowfleet.sim.report..")
            .layer("Sweep").definedBy("dev.cowfleet.sim.sweep..")
            .layer("Calibrate").definedBy("dev.cowfleet.sim.calibrate..")
            .layer("Observe").definedBy("dev.cowfleet.sim.observe..")
            .layer("App").definedBy("dev.cowfleet.sim.app..")
            .layer("Cli").definedBy("dev.cowfleet.sim.cli..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Sweep").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Calibrate").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Observe").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("App").mayOnlyBeAccessedByLayers("Calibrate", "Observe", "Cli")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Sweep", "Calibrate", "Observe", "Cli")
            .whereLayer("Fleet").mayOnlyBeAccessedByLayers("Sweep", "Cli")
            .whereLayer("Run").mayOnlyBeAccessedByLayers("Fleet", "Sweep", "Observe", "Cli")
            .whereLayer("Host").mayOnlyBeAccessedByLayers("Run", "Fleet")
            .whereLayer("Result").mayOnlyBeAccessedByLayers("Run", "Fleet", "Report", "Sweep", "Calibrate", "Observe",
                    "Cli")
            .whereLayer("Scenario").mayOnlyBeAccessedByLayers(
                    "Run", "Fleet", "Result", "Report", "Sweep", "Calibrate", "Observe", "Cli")
            .check(classes);
    }
}
