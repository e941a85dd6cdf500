package cn.nanning.civic.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway owns edge concerns only: it uses no services or search code, and its concepts form no cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nanning.civic.gateway");

    @Test
    void theGatewayUsesNoBusinessCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.nanning.civic.kernel..", "cn.nanning.civic.proxy..",
                "cn.nanning.civic.volunteers..", "cn.nanning.civic.appointments..", "cn.nanning.civic.council..",
                "cn.nanning.civic.search..", "cn.nanning.civic.portal..").check(CLASSES);
    }

    @Test
    void itsConceptsHaveNoCycles() {
        slices().matching("cn.nanning.civic.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
