package civicgrid.platform.web;

import java.util.List;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * One setting, {@code civicgrid.security.trusted-proxies} (a list or comma-separated), decides which
 * peers' forwarding headers are believed: by {@link ClientAddresses} for limits and throttling, and
 * by Tomcat's {@link RemoteIpValve} for the client address and {@code https} (Tomcat's own default
 * would believe every private and loopback address).
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    @Bean
    ClientAddresses clientAddresses(Environment environment) {
        return new ClientAddresses(trustedProxies(environment));
    }

    /** After Spring Boot's customizer, which adds the valve for {@code server.forward-headers-strategy=native}. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(Environment environment) {
        String pattern = TrustedProxyPattern.of(trustedProxies(environment));
        return factory -> factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).forEach(valve -> valve.setInternalProxies(pattern));
    }

    private static List<String> trustedProxies(Environment environment) {
        return Binder.get(environment).bind("civicgrid.security.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of());
    }
}
