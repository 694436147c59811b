package civicgrid.cases;

import java.time.Instant;

/** A stored photo of a case (content served separately). */
public record Attachment(String id, String caseId, String filename, String contentType, int sizeBytes, String sha256,
                         String uploadedBy, Instant uploadedAt) {
}
