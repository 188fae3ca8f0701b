package org.craftline.jobs.domain;

import org.craftline.shared.Paged;

/** A posting's recommendations: at most {@code cap} (headcount × 5), paged; {@code masked} for a unit. */
public record RecommendationList(PostingView posting, int cap, boolean masked, Paged<Recommendation> people) {}
