package cn.nanning.civic.portal.gateway;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services leave empty lists and maps out of their answers (a new service point has no "itemCodes" at all). Every
 * answer shape the portal reads must then still hand its views empty collections, never null: a view iterating over
 * one would throw on the first new village.
 */
class AnswerShapesTest {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("civic.portal.gateway-url", "http://127.0.0.1:9")).start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void every_answer_read_without_its_empty_collections_has_empty_ones_instead_of_null() throws Exception {
        JsonMapper json = context.getBean(JsonMapper.class);
        List<String> nullCollections = new ArrayList<>();
        List<Class<?>> checked = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.nanning.civic.portal")) {
            Class<?> shape = type.reflect();
            if (!shape.isRecord() || !shape.isAnnotationPresent(Serdeable.class) || !hasCollection(shape)) {
                continue;
            }
            checked.add(shape);
            Object read = json.readValue("{}", shape);
            for (RecordComponent component : shape.getRecordComponents()) {
                if (isCollection(component) && component.getAccessor().invoke(read) == null) {
                    nullCollections.add(shape.getName() + "." + component.getName());
                }
            }
        }
        assertThat(checked).as("answer shapes with collections").hasSizeGreaterThan(10);
        assertThat(nullCollections).as("collections left null when the answer omits them").isEmpty();
    }

    private static boolean hasCollection(Class<?> shape) {
        for (RecordComponent component : shape.getRecordComponents()) {
            if (isCollection(component)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCollection(RecordComponent component) {
        return Collection.class.isAssignableFrom(component.getType()) || Map.class.isAssignableFrom(component.getType());
    }
}
