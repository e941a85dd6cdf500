package cn.nanning.civic.gateway.edge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A gateway endpoint whose answer cannot be written: the handler returns normally (the filters see 200), then
 * encoding the body fails. Only in tests that switch it on.
 */
@Controller("/test/broken-response")
@Requires(property = "gateway.test.broken-response", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenResponseController {

    @Serdeable
    record Unwritable(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("this value cannot be written");
        }
    }

    @Get
    Unwritable get() {
        return new Unwritable("x");
    }
}
