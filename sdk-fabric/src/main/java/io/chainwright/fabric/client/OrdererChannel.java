package io.chainwright.fabric.client;

/**
 * What an orderer's channel participation API reports about one channel.
 *
 * @param consensusRelation {@code consenter}, {@code follower} or {@code config-tracker}
 * @param status {@code onboarding}, {@code active} or {@code inactive}
 * @param height the number of blocks the orderer holds for the channel
 */
public record OrdererChannel(String name, String consensusRelation, String status, long height) {}
