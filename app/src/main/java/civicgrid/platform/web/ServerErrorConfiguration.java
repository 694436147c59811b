package civicgrid.platform.web;

import java.util.Arrays;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors raised before Spring MVC answer like the rest: Tomcat's refusals through
 * {@link ProblemErrorValve}, the security firewall's ({@code %2e%2e}, {@code //}, {@code ;}, an
 * encoded slash) as 400 {@code REQUEST_REJECTED}, and parameters checked by {@link RequestInputFilter}.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrorConfiguration {

    /** Last, so that it replaces the plain error report valve Spring Boot's own customizer adds. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve(ObjectProvider<ErrorResponses> errors) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                        .forEach((Valve valve) -> host.getPipeline().removeValve(valve));
                host.getPipeline().addValve(new ProblemErrorValve(errors::getObject));
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ErrorResponses errors) {
        return (request, response, rejected) -> errors.write(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "The URL is refused: it holds an encoded slash or dot segment, a semicolon, a double slash or another"
                        + " character this server does not accept.");
    }

    /** Right after the security filters: parameters are read once the caller is known, as a controller would. */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(ErrorResponses errors) {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter(errors));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
