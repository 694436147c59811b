package civicgrid.identity.web;

import civicgrid.audit.AuditApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.identity.UserId;
import civicgrid.identity.persistence.UserRecord;
import civicgrid.identity.persistence.UserRepository;
import civicgrid.platform.CivicGridException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: one's own profile for everybody; the list and new accounts for administrators. */
@RestController
@RequestMapping("/api/v1/identity")
class UserController {

    private final IdentityApi identity;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditApi audit;

    UserController(IdentityApi identity, UserRepository users, PasswordEncoder encoder, AuditApi audit) {
        this.identity = identity;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping("/me")
    UserView me() {
        CurrentUser me = identity.requireCurrentUser();
        return view(users.findById(me.id()).orElseThrow(), me);
    }

    @GetMapping("/users")
    List<UserView> list(@RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        CurrentUser viewer = identity.requireRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR,
                Role.STREET_OPERATOR);
        if (page < 0 || size < 1 || size > 200) {
            throw CivicGridException.badRequest("INVALID_PAGE", "page must be >= 0 and size between 1 and 200.");
        }
        // operators see the accounts working inside their own territory only
        return users.list(role, page * size, size).stream()
                .filter(u -> worksInside(u, viewer))
                .map(u -> view(u, viewer)).toList();
    }

    @GetMapping("/users/{id}")
    UserView one(@PathVariable UUID id) {
        CurrentUser viewer = identity.requireCurrentUser();
        UserRecord user = users.findById(new UserId(id))
                .orElseThrow(() -> CivicGridException.notFound("USER_NOT_FOUND", "No user " + id + "."));
        boolean self = user.id().equals(viewer.id());
        boolean overseer = viewer.hasRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR, Role.STREET_OPERATOR)
                && worksInside(user, viewer);
        if (!self && !overseer) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This account is outside your scope.");
        }
        return view(user, viewer);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    UserView create(@Valid @RequestBody NewUserRequest request) {
        CurrentUser admin = identity.requireRole(Role.ADMINISTRATOR);
        if (users.exists(request.username())) {
            throw CivicGridException.conflict("USERNAME_TAKEN", "The username " + request.username() + " is taken.");
        }
        if (request.postCode() != null && !users.postExists(request.postCode())) {
            throw CivicGridException.badRequest("UNKNOWN_POST", "No post " + request.postCode() + ".");
        }
        boolean chief = CurrentUser.ROAD_SEGMENT_CHIEF.equals(request.postCode());
        if (!request.roadSegmentsOrNone().isEmpty() && !chief) {
            throw CivicGridException.badRequest("SEGMENTS_NEED_CHIEF_POST", "Only a road-segment chief (post "
                    + CurrentUser.ROAD_SEGMENT_CHIEF + ") answers for road segments.");
        }
        if (request.role() != Role.CITIZEN && request.scope().isEmpty() && request.roadSegmentsOrNone().isEmpty()) {
            throw CivicGridException.badRequest("SCOPE_REQUIRED",
                    "Every role but citizen needs at least one territory (a road-segment chief: or one road segment).");
        }
        UserRecord user = new UserRecord(UserId.random(), request.username(), encoder.encode(request.password()),
                request.displayName(), request.role(), request.postCode(), null, request.departmentCode(), request.phone(),
                request.idNumber(), request.address(), true, request.scope(),
                request.roadSegmentsOrNone());
        users.insert(user);
        audit.record("USER_CREATED", "USER", user.username(), "created by " + admin.username(),
                Map.of("role", user.role().name(), "scope", String.join(",", user.scope()), "roadSegments",
                        String.join(",", user.roadSegments())));
        return view(users.findById(user.id()).orElseThrow(), admin);
    }

    record EnabledBody(@jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /**
     * Administrators switch an account off (a leaver, a stolen password) and on again. A disabled
     * account's sign-in answers {@code ACCOUNT_DISABLED} only after its correct password.
     */
    @PostMapping("/users/{id}/disable")
    @Transactional
    UserView disable(@PathVariable UUID id, @Valid @RequestBody(required = false) EnabledBody body) {
        return setEnabled(id, false, body);
    }

    @PostMapping("/users/{id}/enable")
    @Transactional
    UserView enable(@PathVariable UUID id, @Valid @RequestBody(required = false) EnabledBody body) {
        return setEnabled(id, true, body);
    }

    private UserView setEnabled(UUID id, boolean enabled, EnabledBody body) {
        CurrentUser admin = identity.requireRole(Role.ADMINISTRATOR);
        UserRecord user = users.findById(new UserId(id))
                .orElseThrow(() -> CivicGridException.notFound("USER_NOT_FOUND", "No user " + id + "."));
        if (user.id().equals(admin.id()) && !enabled) {
            throw CivicGridException.conflict("CANNOT_DISABLE_SELF", "An administrator cannot disable their own account.");
        }
        users.setEnabled(user.id(), enabled);
        audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "USER", user.username(),
                body == null || body.reason() == null ? "by " + admin.username() : body.reason(), Map.of("by", admin.username()));
        return view(users.findById(user.id()).orElseThrow(), admin);
    }

    /** An account works inside the viewer's territory by its units, or (a segment chief) by its segments' streets. */
    private static boolean worksInside(UserRecord user, CurrentUser viewer) {
        return viewer.scope().cityWide() || user.scope().stream().anyMatch(viewer::sees)
                || user.roadSegments().stream().anyMatch(segment -> viewer.sees(segment.substring(0, 9)));
    }

    private static UserView view(UserRecord u, CurrentUser viewer) {
        PersonalData.Masker mask = PersonalData.forViewer(viewer, u.id());
        return new UserView(u.id().toString(), u.username(), u.displayName(), u.role(), u.role().nameZh(), u.postCode(),
                u.sector(), u.departmentCode(), u.scope(), mask.phone(u.phone()), mask.idNumber(u.idNumber()),
                mask.address(u.address()), u.enabled(), u.roadSegments());
    }
}
