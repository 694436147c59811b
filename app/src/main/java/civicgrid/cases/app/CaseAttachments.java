package civicgrid.cases.app;

import civicgrid.audit.AuditApi;
import civicgrid.cases.Attachment;
import civicgrid.cases.CaseId;
import civicgrid.cases.persistence.AttachmentStore;
import civicgrid.platform.CivicGridException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of cases. The type is read from the file's first bytes, never from its name or the
 * client's content type; only JPEG, PNG and WebP images are kept, at most 10 MB each and 20 per case.
 */
@Service
public class CaseAttachments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PER_CASE = 20;
    private final AttachmentStore store;
    private final AuditApi audit;
    private final Clock clock;

    CaseAttachments(AttachmentStore store, AuditApi audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Attachment add(CaseId caseId, String filename, byte[] content, String uploader) {
        if (content == null || content.length == 0) {
            throw CivicGridException.badRequest("EMPTY_FILE", "The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new CivicGridException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "A photo may be at most 10 MB.");
        }
        String type = sniff(content);
        if (type == null) {
            throw new CivicGridException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE",
                    "Only JPEG, PNG and WebP images are accepted.");
        }
        if (store.count(caseId) >= MAX_PER_CASE) {
            throw CivicGridException.conflict("TOO_MANY_ATTACHMENTS", "A case keeps at most " + MAX_PER_CASE + " photos.");
        }
        String safeName = filename == null ? "photo" : filename.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        safeName = safeName.substring(0, Math.min(safeName.length(), 200));
        Attachment attachment = new Attachment(UUID.randomUUID().toString(), caseId.toString(), safeName, type, content.length,
                sha256(content), uploader, clock.instant());
        store.insert(attachment, content);
        audit.record("CASE_ATTACHMENT_ADDED", "CASE", caseId.toString(), null,
                Map.of("attachment", attachment.id(), "sha256", attachment.sha256(), "bytes", content.length));
        return attachment;
    }

    public List<Attachment> list(CaseId caseId) {
        return store.list(caseId);
    }

    public byte[] content(CaseId caseId, UUID id) {
        return store.content(caseId, id).orElseThrow(() -> CivicGridException.notFound("ATTACHMENT_NOT_FOUND", "No such attachment."));
    }

    /** The image type from magic bytes, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
