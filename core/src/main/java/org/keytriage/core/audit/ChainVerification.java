package org.keytriage.core.audit;

/**
 * What {@link AuditChain#verify} found.
 *
 * @param intact whether every entry is as it was sealed and none is missing between the first and
 *     the last
 * @param entries how many entries were read
 * @param headHash the last entry's hash (record it elsewhere to detect entries removed from the
 *     end later); {@link AuditChain#GENESIS} when the trail is empty
 * @param firstBadSeq the first entry found changed, inserted or after a removed one; 0 when intact
 * @param problem what is wrong with it, for people; empty when intact
 */
public record ChainVerification(boolean intact, long entries, String headHash, long firstBadSeq, String problem) {}
