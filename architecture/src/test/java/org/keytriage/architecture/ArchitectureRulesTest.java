package org.keytriage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the modules and packages, checked on the compiled main classes of every
 * module (the WAR's through its classes jar). A rule that fails names each offending dependency;
 * fix the code, never the rule, unless the architecture itself changed (then say so in the commit).
 */
@AnalyzeClasses(packages = "org.keytriage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

  /** Plugin contracts must be implementable with the JDK alone. */
  @ArchTest
  static final ArchRule spiDependsOnTheJdkOnly =
      classes().that().resideInAPackage("org.keytriage.spi..")
          .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.keytriage.spi..")
          .because("a vendor plugin compiles against keytriage-spi and nothing else");

  /** Built-in strategies and task handlers are plugins like a vendor's: spi only. */
  @ArchTest
  static final ArchRule pluginsDoNotKnowTheEngine =
      noClasses().that().resideInAnyPackage("org.keytriage.strategies..", "org.keytriage.tasks..")
          .should().dependOnClassesThat().resideInAPackage("org.keytriage.core..")
          .because("the built-in plugins must work exactly as a vendor's would, through the spi");

  /** Metering and calling NVIDIA: core's Gateway does both, and publishes what happened. */
  private static final String[] METERING_AND_UPSTREAM = {
    "org.eclipse.microprofile.metrics..",
    "org.keytriage.web.observability..",
    "org.keytriage.core.metrics..",
    "org.keytriage.core.upstream.internal..",
    "java.net.http..",
    "org.apache.hc.."
  };

  /** A resource hands its request to the Gateway; metering and calling NVIDIA are core's. */
  @ArchTest
  static final ArchRule resourcesNeitherMeterNorCallUpstream =
      noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
          .should().dependOnClassesThat().resideInAnyPackage(METERING_AND_UPSTREAM)
          .because("every request reaches NVIDIA through core's Gateway, which publishes what happened");

  /**
   * The OpenAI hot path is a servlet, not a resource, and is held to the same rule: it hands the
   * request to the Gateway and relays what comes back.
   */
  @ArchTest
  static final ArchRule theOpenAiPathNeitherMetersNorCallsUpstream =
      noClasses().that().resideInAPackage("org.keytriage.web.openai..")
          .should().dependOnClassesThat().resideInAnyPackage(METERING_AND_UPSTREAM)
          .because("every request reaches NVIDIA through core's Gateway, which publishes what happened");

  /** Modules depend downwards only: the engine knows no web, clinical facade or simulator. */
  @ArchTest
  static final ArchRule coreKnowsNoModuleAboveIt =
      noClasses().that().resideInAPackage("org.keytriage.core..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.keytriage.web..", "org.keytriage.clinical..", "org.keytriage.tasks..",
              "org.keytriage.strategies..", "org.keytriage.simulator..", "org.keytriage.dist..",
              "org.keytriage.store..")
          .because("core is a plain library under every other module");

  /** Core defines the persistence ports; the store module implements them. */
  @ArchTest
  static final ArchRule coreImportsNoPersistence =
      noClasses().that().resideInAPackage("org.keytriage.core..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "jakarta.persistence..", "org.flywaydb..", "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..")
          .because("core stays a plain library with no persistence import; the store module implements its ports");

  /** The store implements core's ports and knows nothing above core. */
  @ArchTest
  static final ArchRule storeKnowsOnlyCore =
      noClasses().that().resideInAPackage("org.keytriage.store..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.keytriage.web..", "org.keytriage.clinical..", "org.keytriage.dist..", "org.keytriage.simulator..")
          .because("the store is a library under the server, usable on the library path too");

  /**
   * No two packages depend on each other, directly or around a circle. A package and its own
   * {@code internal} package count as one: the public contract at the root creates its
   * implementations through static factories ({@code KeyStateStore.inProcess()}), the
   * implementations implement the contract, and nothing outside may use {@code internal}.
   */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().assignedFrom(new PackageWithItsInternals()).should().beFreeOfCycles();

  /** Nothing outside a package uses its {@code internal} package. */
  @ArchTest
  static final ArchRule internalsStayInternal =
      noClasses().should(new UsesAnotherPackagesInternals())
          .because("implementations live in internal so that only their own package's contract reaches them");
}
