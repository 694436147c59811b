package civicgrid.console;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import org.springframework.stereotype.Component;

/** Who may open the console: every signed-in role but citizens, who use the citizen pages. */
@Component
class ConsoleAccess {

    private final IdentityApi identity;

    ConsoleAccess(IdentityApi identity) {
        this.identity = identity;
    }

    CurrentUser signedIn() {
        return identity.requireCurrentUser();
    }

    CurrentUser requireConsoleUser() {
        CurrentUser user = identity.requireCurrentUser();
        if (!user.role().usesConsole()) {
            throw CivicGridException.forbidden("CONSOLE_NOT_ALLOWED", "Citizens use the citizen pages, not the console.");
        }
        return user;
    }
}
