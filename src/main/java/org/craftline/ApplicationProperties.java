package org.craftline;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Craftline's own settings, bound from {@code craftline.*}. */
@ConfigurationProperties("craftline")
public record ApplicationProperties(
        @DefaultValue("./data") Path dataDir, String adminPassword, Demo demo, Security security) {

    public ApplicationProperties {
        demo = demo == null ? new Demo(true, null) : demo;
        security = security == null ? new Security(5, Duration.ofMinutes(15), 100) : security;
    }

    /** The demo installation loaded at first start. */
    public record Demo(@DefaultValue("true") boolean enabled, String password) {}

    /**
     * Sign-in throttling: failures allowed to one user name from one address before it waits, the
     * longest wait, and failures allowed to one address (any names) within the lockout.
     */
    public record Security(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("100") int maxFailuresPerAddress) {}
}
