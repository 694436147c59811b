package civicgrid.identity;

import civicgrid.identity.persistence.UserRepository;
import civicgrid.identity.security.CivicGridPrincipal;
import civicgrid.platform.CivicGridException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** What other modules ask of identity: who is acting, and may they act there. */
@Service
public class IdentityApi {

    private final UserRepository users;

    IdentityApi(UserRepository users) {
        this.users = users;
    }

    /** The names accounts are shown by (e.g. 新山村街道综合协调岗), for many at once (accounts that are gone are left out). */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> out = new HashMap<>();
        users.names(usernames).forEach((username, named) -> out.put(username, named.displayName()));
        return out;
    }

    /**
     * Who did something, as a page shows them to its viewer, for each of {@code actors} (the names stored beside an
     * action): staff by their account's display name (their post, e.g. 新山村街道综合协调岗, not personal data); a
     * resident's account by its display name through {@code mask} (personal data: 市民张先生 → 市****); and what no
     * account is called (system, device:…, 12345:…, accounts gone since) as stored, for the page to put in words.
     */
    public Map<String, String> namesShown(Collection<String> actors, PersonalData.Masker mask) {
        Set<String> distinct = actors.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, UserRepository.Named> accounts = users.names(distinct);
        Map<String, String> out = new HashMap<>();
        for (String actor : distinct) {
            UserRepository.Named named = accounts.get(actor);
            out.put(actor, named == null ? actor : named.role() == Role.CITIZEN ? mask.name(named.displayName()) : named.displayName());
        }
        return out;
    }

    /** The name an account is shown by (e.g. 新山村街道综合协调岗), for pages that list people by their work. */
    public Optional<String> displayName(String username) {
        return users.findByUsername(username).map(civicgrid.identity.persistence.UserRecord::displayName);
    }

    /**
     * Enabled accounts of one role whose user name sorts after {@code afterUsername} ("" for the first),
     * a page at a time: keyset paging for jobs that walk tens of thousands of accounts.
     */
    public List<CurrentUser> enabledUsersAfter(Role role, String afterUsername, int limit) {
        return users.listEnabledAfter(role, afterUsername, limit).stream().map(IdentityApi::asCurrentUser).toList();
    }

    private static CurrentUser asCurrentUser(civicgrid.identity.persistence.UserRecord u) {
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.postCode(), u.sector(), u.departmentCode(),
                new TerritorialScope(u.scope()), u.roadSegments());
    }

    /** The codes of the street posts (岗位) that exist, e.g. {@code URBAN_MANAGEMENT}. */
    public Set<String> postCodes() {
        return users.postCodes();
    }

    public Optional<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CivicGridPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    public CurrentUser requireCurrentUser() {
        return currentUser().orElseThrow(() -> new CivicGridException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "Sign in first."));
    }

    /** Refuses, with 403 OUT_OF_SCOPE, a unit or case outside the user's territory. */
    public CurrentUser requireInScope(String unitCode) {
        CurrentUser user = requireCurrentUser();
        if (!user.sees(unitCode)) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Territory " + unitCode + " is outside your scope.");
        }
        return user;
    }

    /** Refuses, with 403 ROLE_NOT_ALLOWED, a user whose role is not one of {@code roles}. */
    public CurrentUser requireRole(Role... roles) {
        CurrentUser user = requireCurrentUser();
        if (!user.hasRole(roles)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Your role (" + user.role() + ") may not do this.");
        }
        return user;
    }
}
