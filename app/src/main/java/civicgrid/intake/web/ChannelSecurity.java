package civicgrid.intake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The channels that are not signed-in users: Open311 (reading public, posting with an
 * {@code api_key}), the video platform and the 12345 hotline (with their {@code X-Api-Key}), and
 * citizens' snap-and-report page and API (public, rate-limited). Each controller checks its key;
 * nothing here creates a session.
 */
@Configuration
class ChannelSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain channelChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/open311/**"), path.matcher(HttpMethod.POST, "/api/v1/video-alerts"),
                        path.matcher(HttpMethod.POST, "/api/v1/hotline/orders"), path.matcher(HttpMethod.POST, "/api/v1/hotline/orders/batch"),
                        path.matcher("/snap"), path.matcher("/snap/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
