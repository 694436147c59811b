package civicgrid.duty.domain;

import java.util.Objects;

/**
 * One line of the duty list: what to do ({@code titleZh}), for whom ({@code subjectKind}) and how
 * often ({@code cadence}). {@code districtCode} is null for the city's items and names the district
 * for a district's own "+1".
 */
public record DutyItem(String code, DutyCategory category, String titleZh, String titleEn, SubjectKind subjectKind, Cadence cadence,
                       String districtCode) {

    public DutyItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(cadence, "cadence");
        if (category == DutyCategory.DISTRICT_PLUS_ONE && districtCode == null) {
            throw new IllegalArgumentException("A district's \"+1\" item " + code + " names its district.");
        }
    }

    /** True when the item applies to a grid: the city's items everywhere, a district's only inside it. */
    public boolean appliesTo(String gridCode) {
        return districtCode == null || gridCode.startsWith(districtCode);
    }
}
