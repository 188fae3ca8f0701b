package org.craftline.platform.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code craftline.imports.*}: the largest file accepted and how many row errors an answer lists. */
@ConfigurationProperties("craftline.imports")
record ImportSettings(
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("10000") int maxErrors) {}
