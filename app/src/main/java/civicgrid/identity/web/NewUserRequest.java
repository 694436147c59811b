package civicgrid.identity.web;

import civicgrid.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator gives to create an account; {@code roadSegments} only for a road-segment chief. */
record NewUserRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "must be 3-60 of a-z, 0-9, dot, dash, underscore") String username,
        @NotBlank @Size(min = 8, max = 100) String password,
        @NotBlank @Size(max = 60) String displayName,
        @NotNull Role role,
        String postCode,
        @Size(max = 40) String departmentCode,
        @NotNull Set<@Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}|\\d{17}", message = "must be a territory code") String> scope,
        @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone,
        @Pattern(regexp = "\\d{17}[\\dX]", message = "must be an 18-character ID number") String idNumber,
        @Size(max = 200) String address,
        @Size(max = 50) Set<@Pattern(regexp = "\\d{9}R\\d{4}", message = "must be a road-segment code (e.g. 500104001R0101)") String> roadSegments) {

    Set<String> roadSegmentsOrNone() {
        return roadSegments == null ? Set.of() : roadSegments;
    }
}
