package dev.berth.scheduler.framework;

/** A score plugin and how much it counts; weight 0 switches it off. */
public record WeightedScore(ScorePlugin plugin, int weight) {
}
