package civicgrid.cases.app;

import civicgrid.audit.AuditApi;
import civicgrid.cases.Attachment;
import civicgrid.cases.CaseId;
import civicgrid.cases.persistence.AttachmentStore;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.photos.PhotoScrubber;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of cases. The type is read from the file's first bytes, never from its name or the
 * client's content type; only JPEG, PNG and WebP images are kept, at most 10 MB each and 20 per case.
 * Every photo is scrubbed of what it tells about its author (camera serial, owner, software) before
 * it is stored, whichever way it came in: staff uploads, snap-and-report, Open311 media.
 */
@Service
public class CaseAttachments {

    public static final int MAX_BYTES = PhotoScrubber.MAX_BYTES;
    public static final int MAX_PER_CASE = 20;
    private static final PhotoScrubber SCRUBBER = new PhotoScrubber();
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
        PhotoScrubber.Scrubbed clean = SCRUBBER.scrubUpload(content);
        if (store.count(caseId) >= MAX_PER_CASE) {
            throw CivicGridException.conflict("TOO_MANY_ATTACHMENTS", "A case keeps at most " + MAX_PER_CASE + " photos.");
        }
        String safeName = filename == null ? "photo" : filename.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        safeName = safeName.substring(0, Math.min(safeName.length(), 200));
        byte[] kept = clean.content();
        Attachment attachment = new Attachment(UUID.randomUUID().toString(), caseId.toString(), safeName, clean.type(), kept.length,
                sha256(kept), uploader, clock.instant());
        store.insert(attachment, kept);
        audit.record("CASE_ATTACHMENT_ADDED", "CASE", caseId.toString(), null,
                Map.of("attachment", attachment.id(), "sha256", attachment.sha256(), "bytes", kept.length));
        return attachment;
    }

    public List<Attachment> list(CaseId caseId) {
        return store.list(caseId);
    }

    public byte[] content(CaseId caseId, UUID id) {
        return store.content(caseId, id).orElseThrow(() -> CivicGridException.notFound("ATTACHMENT_NOT_FOUND", "No such attachment."));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
