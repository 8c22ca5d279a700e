package dev.commentmoderation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component graph (README, "Architecture"): components depend on each other one way only,
 * control and entity code never reaches up into a boundary, and the rule engine is plain Java that
 * knows nothing of the service. A plain unit test so that it runs in every {@code mvn test}.
 */
class ArchitectureTest {

  static final String ROOT = "dev.commentmoderation";

  /** The rule engine: plain Java, its own component, used by the service and using none of it. */
  static final String ENGINE = ROOT + ".engine..";

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void noCyclesBetweenComponents() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /** The graph itself, bottom up; a new edge is a decision to make here, not an accident. */
  @Test
  void componentsDependDownwardOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("platform")
        .definedBy(ROOT + ".platform..")
        .layer("engine")
        .definedBy(ENGINE)
        .layer("audit")
        .definedBy(ROOT + ".audit..")
        .layer("security")
        .definedBy(ROOT + ".security..")
        .layer("article")
        .definedBy(ROOT + ".article..")
        .layer("reader")
        .definedBy(ROOT + ".reader..")
        .layer("challenge")
        .definedBy(ROOT + ".challenge..")
        .layer("comment")
        .definedBy(ROOT + ".comment..")
        .layer("reaction")
        .definedBy(ROOT + ".reaction..")
        .layer("classifier")
        .definedBy(ROOT + ".classifier..")
        .layer("author")
        .definedBy(ROOT + ".author..")
        .layer("report")
        .definedBy(ROOT + ".report..")
        .layer("rules")
        .definedBy(ROOT + ".rules..")
        .layer("learned")
        .definedBy(ROOT + ".learned..")
        .layer("queue")
        .definedBy(ROOT + ".queue..")
        .layer("notification")
        .definedBy(ROOT + ".notification..")
        .layer("live")
        .definedBy(ROOT + ".live..")
        .layer("operations")
        .definedBy(ROOT + ".operations..")
        .layer("data")
        .definedBy(ROOT + ".data..")
        .whereLayer("platform")
        .mayNotAccessAnyLayer()
        .whereLayer("engine")
        .mayNotAccessAnyLayer()
        .whereLayer("audit")
        .mayOnlyAccessLayers("platform")
        .whereLayer("security")
        .mayOnlyAccessLayers("platform", "audit")
        .whereLayer("article")
        .mayOnlyAccessLayers("platform", "audit", "security")
        // who a reader is (signed in by the site, or an anonymous client): below everything that
        // acts for a reader, and using nothing but the platform
        .whereLayer("reader")
        .mayOnlyAccessLayers("platform")
        .whereLayer("challenge")
        .mayOnlyAccessLayers("platform")
        .whereLayer("comment")
        .mayOnlyAccessLayers(
            "platform", "engine", "audit", "security", "article", "reader", "challenge")
        .whereLayer("reaction")
        .mayOnlyAccessLayers("platform", "comment")
        .whereLayer("classifier")
        .mayOnlyAccessLayers("platform", "comment")
        .whereLayer("author")
        .mayOnlyAccessLayers("platform", "engine", "audit", "security", "comment", "reader")
        .whereLayer("report")
        .mayOnlyAccessLayers("platform", "audit", "security", "article", "comment", "reader")
        .whereLayer("rules")
        .mayOnlyAccessLayers("platform", "engine", "audit", "security", "comment")
        .whereLayer("learned")
        .mayOnlyAccessLayers("platform", "engine", "audit", "security", "comment")
        .whereLayer("queue")
        .mayOnlyAccessLayers("platform", "engine", "security", "comment", "report")
        .whereLayer("notification")
        .mayOnlyAccessLayers("platform", "comment")
        .whereLayer("live")
        .mayOnlyAccessLayers("platform", "security", "article", "comment", "queue", "report")
        .whereLayer("operations")
        .mayOnlyAccessLayers("platform", "comment", "queue")
        .whereLayer("data")
        .mayOnlyAccessLayers("platform", "engine", "audit", "security", "comment")
        .check(classes);
  }

  /** What a control bean throws or returns lives in control or entity; boundaries map it. */
  @Test
  void noControlDependsOnABoundary() {
    noClasses()
        .that()
        .resideInAPackage("..control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..boundary..")
        .check(classes);
  }

  @Test
  void noEntityDependsOnControlOrBoundary() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..control..", "..boundary..")
        .check(classes);
  }

  @Test
  void theEngineImportsNothingOfTheService() {
    noClasses()
        .that()
        .resideInAPackage(ENGINE)
        .should()
        .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ENGINE))))
        .check(classes);
  }

  /**
   * The container's entity manager is taken in one place, which refuses its use outside a
   * transaction (see EntityManagers): everyone else injects that one.
   */
  @Test
  void onlyEntityManagersHoldsThePersistenceContext() {
    noFields()
        .that()
        .areDeclaredInClassesThat(
            not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                    dev.commentmoderation.platform.persistence.EntityManagers.class)))
        .should()
        .beAnnotatedWith(jakarta.persistence.PersistenceContext.class)
        .check(classes);
  }
}
