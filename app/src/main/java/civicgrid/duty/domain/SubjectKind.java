package civicgrid.duty.domain;

/**
 * What a duty item produces a task for: the grid itself, or one entry of a register (a person of a
 * key group, a key place, a shop on the frontage ledger).
 */
public enum SubjectKind {
    /** The grid as a whole (patrol, publicity): one task per grid. */
    GRID(null),
    LONE_ELDERLY(KeyGroup.LONE_ELDERLY),
    LEFT_BEHIND_CHILD(KeyGroup.LEFT_BEHIND_CHILD),
    DISABLED(KeyGroup.DISABLED),
    KEY_PERSON(KeyGroup.KEY_PERSON),
    KEY_PLACE(null),
    /** A shop or enterprise holding the frontage-responsibility duty (门前三包). */
    FRONTAGE_SHOP(null);

    private final KeyGroup keyGroup;

    SubjectKind(KeyGroup keyGroup) {
        this.keyGroup = keyGroup;
    }

    /** The key group whose people this kind selects from the people register, or null. */
    public KeyGroup keyGroup() {
        return keyGroup;
    }

    public boolean isPerson() {
        return keyGroup != null;
    }
}
