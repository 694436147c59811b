package civicgrid.identity.security;

import civicgrid.platform.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Two doors: {@code /api/**} takes HTTP Basic on every request and answers 401/403 as problem
 * details; it also honours the session of a signed-in console page, whose changes must carry the
 * page's CSRF token (SameSite alone is not enough: a sibling subdomain or an old browser rides on the
 * cookie). Pages use form login with a session. Health, metrics scraping and the OpenAPI description
 * are open, as monitoring and clients expect. Security headers for every response: platform.web.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/login", "/css/**", "/js/**", "/img/**",
        "/webjars/**", "/favicon.ico", "/error"};

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedCredentialCache(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
            if (ex instanceof LoginThrottledException throttled) {
                // the same for accounts and unknown names: it only says this address failed too often
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                        "Too many failed sign-ins from your address; try again in " + throttled.retryAfterSeconds() + " s.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"CivicGrid\"");
            if (ex instanceof DisabledException) {
                // only raised after the correct password (PasswordLogin), so it tells nothing to a guesser
                ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED", "This account is disabled.");
            } else {
                ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                        "Authentication is required: HTTP Basic with your CivicGrid account.");
            }
        };
        AccessDeniedHandler denied = (request, response, ex) -> {
            if (ex instanceof CsrfException) {
                ProblemWriter.write(response, HttpStatus.FORBIDDEN, "CSRF_REJECTED",
                        "This change came with the console's session but without its page's valid CSRF token (header X-CSRF-TOKEN); reload the page.");
            } else {
                ProblemWriter.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role or territory does not allow this.");
            }
        };
        http.securityMatcher("/api/**")
                // /api/v1/public/** is what residents' pages read without an account (boundaries, their report's status)
                // an event stream ends with an async dispatch, an error with an error dispatch: both belong to a request
                // that was authorized already
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll().anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                // Basic never creates a session; the signed-in console's session (SameSite=Strict cookie) is honoured
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(c -> c.securityContextRepository(sessionReadOnly()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionChange));
        return http.build();
    }

    /**
     * A change riding on a live console session needs the page's token (the same one the page chain
     * keeps in the session). Other systems authenticate with HTTP Basic, which no other site can make
     * a browser send; residents' public endpoints have no session to abuse.
     */
    private static boolean sessionChange(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return !SAFE_METHODS.contains(request.getMethod()) && request.isRequestedSessionIdValid()
                && (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6))
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/public/");
    }

    /**
     * Reads a console session's sign-in but never creates a session: Basic clients send no cookie, and
     * a session per request would pile up (and cost a secure random each) for 30 minutes.
     */
    private static HttpSessionSecurityContextRepository sessionReadOnly() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                // a console left open past the session's 30 minutes lands on the sign-in page saying why
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                // the cookie goes too: the next page would otherwise carry the dead session and say it expired
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID").permitAll());
        return http.build();
    }
}
