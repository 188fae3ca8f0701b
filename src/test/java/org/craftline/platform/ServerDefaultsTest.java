package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

/** What an installation does when nobody sets anything: application.yml alone, no environment. */
class ServerDefaultsTest {

    private final PropertySourcesPropertyResolver settings = settings();

    @Test
    void listensOnLoopbackOnlyUntilToldOtherwise() {
        assertThat(settings.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void believesForwardedHeadersOnlyFromAProxyOnThisMachine() {
        assertThat(settings.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(settings.getProperty("server.tomcat.remoteip.internal-proxies"))
                .isEqualTo("127.0.0.0/8, ::1/128");
    }

    private static PropertySourcesPropertyResolver settings() {
        try {
            MutablePropertySources sources = new MutablePropertySources();
            new YamlPropertySourceLoader()
                    .load("application", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
            return new PropertySourcesPropertyResolver(sources);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
