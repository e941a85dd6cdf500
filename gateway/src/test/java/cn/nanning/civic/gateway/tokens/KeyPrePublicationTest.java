package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.gateway.GatewayTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A successor key is in the JWKS before it signs anything, so services that cache the JWKS never meet an unknown kid
 * at a scheduled rotation. A rotation period shorter than the publish-ahead time makes the successor due at once.
 */
@MicronautTest(transactional = false)
class KeyPrePublicationTest extends GatewayTest {

    @Inject
    SigningKeys keys;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("civic.tokens.key-rotation", "4m");
        return properties;
    }

    @Test
    void theSuccessorIsPublishedAheadWhileTheCurrentKeyKeepsSigning() throws Exception {
        String signing = keys.rotate();
        keys.reload();

        List<String> published = KeyRotationTest.publishedKids(api());
        assertThat(keys.current().getKeyID()).isEqualTo(signing);
        assertThat(published).contains(signing).anySatisfy(kid -> assertThat(kid).isNotEqualTo(signing));
        assertThat(KeyRotationTest.kid(citizenToken())).isEqualTo(signing);
    }
}
