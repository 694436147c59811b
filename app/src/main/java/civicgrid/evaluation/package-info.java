/**
 * Evaluation and analytics (GB/T 30428.4): rates, scores and grades A–E per person, department and
 * territory per day, ISO week, month or quarter, kept as per-day figures maintained from the cases'
 * events; and class-of-problem discovery (spatio-temporal clustering of cases) that proposes a class
 * to the district center, whose acceptance opens one project case. Public API:
 * {@link civicgrid.evaluation.EvaluationApi}; the rules (which step counts where, scoring, clustering)
 * live in the Spring-free {@code domain} package. Reads cases only through
 * {@link civicgrid.cases.CasesApi} and {@link civicgrid.cases.CaseChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation and analytics")
package civicgrid.evaluation;
