package dev.cairn.storage.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of ARCHITECTURE.md, enforced: api → object ← erasure → drive, with meta, codec, hash and format
 * as leaves; node assembles; server is the Quarkus glue; only the drive package touches java.nio.file.
 */
@AnalyzeClasses(packages = "dev.cairn.storage", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] ABOVE_ERASURE = {"..storage.node..", "..storage.server..", "..storage.api.."};

    @ArchTest
    static final ArchRule objectContractDependsOnNothingBelow = noClasses().that()
            .resideInAPackage("..storage.object..").should().dependOnClassesThat()
            .resideInAnyPackage("..storage.erasure..", "..storage.drive..", "..storage.meta..", "..storage.codec..",
                    "..storage.hash..", "..storage.format..", "..storage.node..", "..storage.server..");

    @ArchTest
    static final ArchRule driveKnowsNothingAbove = noClasses().that().resideInAPackage("..storage.drive..")
            .should().dependOnClassesThat().resideInAnyPackage("..storage.erasure..", "..storage.object..",
                    "..storage.node..", "..storage.server..", "..storage.format..");

    @ArchTest
    static final ArchRule erasureKnowsNothingAbove = noClasses().that().resideInAPackage("..storage.erasure..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_ERASURE);

    @ArchTest
    static final ArchRule leavesAreLeaves = noClasses().that()
            .resideInAnyPackage("..storage.meta..", "..storage.codec..", "..storage.hash..")
            .should().dependOnClassesThat().resideInAnyPackage("..storage.erasure..", "..storage.object..",
                    "..storage.drive..", "..storage.node..", "..storage.server..", "..storage.format..");

    /** Object data goes through Drive; only the Quarkus glue may also read configuration files. */
    @ArchTest
    static final ArchRule onlyTheDrivePackageTouchesTheFileSystem = noClasses().that()
            .resideOutsideOfPackages("..storage.drive..", "..storage.server..").should().dependOnClassesThat()
            .resideInAPackage("java.nio.file..");

    @ArchTest
    static final ArchRule nodeDoesNotKnowQuarkus = noClasses().that()
            .resideInAnyPackage("..storage.node..", "..storage.erasure..", "..storage.drive..", "..storage.object..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta..");
}
