package civicgrid.identity.security;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.TerritorialScope;
import civicgrid.identity.persistence.UserRecord;
import civicgrid.identity.persistence.UserRepository;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for login, locked while a lock-out runs. */
@Service
class UserAccounts implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    UserAccounts(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRecord user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        CurrentUser current = new CurrentUser(user.id(), user.username(), user.displayName(), user.role(), user.postCode(),
                user.sector(), user.departmentCode(), new TerritorialScope(user.scope()));
        return new CivicGridPrincipal(current, user.passwordHash(), user.enabled(), user.lockedAt(clock.instant()));
    }
}
