package civicgrid.cases;

import java.util.UUID;

/** Identifier of a case. */
public record CaseId(UUID value) {

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    public static CaseId parse(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
