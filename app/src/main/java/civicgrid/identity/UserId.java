package civicgrid.identity;

import java.util.UUID;

/** Identifier of a user account. */
public record UserId(UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
