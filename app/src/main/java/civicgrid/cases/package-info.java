/**
 * The closed loop (GB/T 30428): every report becomes a case that is verified, registered,
 * dispatched, handled, checked, closed and evaluated on time limits, with return, postpone, hang,
 * supervise, escalate and whistle as side paths. Public API: {@link civicgrid.cases.CasesApi} and
 * the value types beside it; the rules live in the Spring-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases (closed loop)")
package civicgrid.cases;
