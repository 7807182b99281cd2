package org.ledgerboard.core.event;

import java.math.BigDecimal;

/** One thing a round is judged by: its weight in the total and the highest score an evaluator may give. */
public record Criterion(String name, BigDecimal weight, BigDecimal maxScore) {
}
