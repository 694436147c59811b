package civicgrid.audit;

/**
 * The result of re-computing the hash chain: {@code valid} when every sealed entry still hashes to
 * what was sealed and links to its predecessor; otherwise the first broken sequence number.
 */
public record ChainVerification(boolean valid, long sealedEntries, long unsealedEntries, Long firstBrokenSeq,
                                String headHash) {
}
