package cn.nanning.civic.portal.micronaut;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Base of browserless view tests: one portal context per class, a fresh mocked Vaadin session per test. */
public abstract class KaribuViewTest {

    protected static ApplicationContext context;

    @BeforeAll
    static void startContext() {
        context = KaribuPortal.startContext();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    @BeforeEach
    void setUpVaadin() {
        KaribuPortal.setup(context);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuPortal.tearDown();
    }
}
