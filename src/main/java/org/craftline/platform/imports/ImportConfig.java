package org.craftline.platform.imports;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The import settings, and the schedule that removes uploads left behind. */
@Configuration
@EnableConfigurationProperties(ImportSettings.class)
@EnableScheduling
class ImportConfig {}
