package civicgrid.cases;

/**
 * GB/T 30428.4 rates for one group of cases reported in a period: the counts they are made of and
 * the rates as fractions (null where the denominator is zero).
 */
public record Rates(String group, long reported, long verified, long verifiedOnTime, long registered, long registeredOnTime,
                    long dispatched, long dispatchedOnTime, long returned, long handled, long handledOnTime, long reworked,
                    long overdue, long closed, long rated, long satisfied,
                    Double onTimeVerificationRate, Double onTimeRegistrationRate, Double onTimeDispatchRate,
                    Double accurateDispatchRate, Double disposalRate, Double onTimeDisposalRate, Double reworkRate,
                    Double overdueRate, Double closureRate, Double satisfactionRate) {

    /** Builds the rates from the counts. */
    public static Rates of(String group, long reported, long verified, long verifiedOnTime, long registered, long registeredOnTime,
                           long dispatched, long dispatchedOnTime, long returned, long handled, long handledOnTime, long reworked,
                           long overdue, long closed, long rated, long satisfied) {
        return new Rates(group, reported, verified, verifiedOnTime, registered, registeredOnTime, dispatched, dispatchedOnTime,
                returned, handled, handledOnTime, reworked, overdue, closed, rated, satisfied,
                ratio(verifiedOnTime, verified), ratio(registeredOnTime, registered), ratio(dispatchedOnTime, dispatched),
                ratio(dispatched - returned, dispatched), ratio(handled, dispatched), ratio(handledOnTime, handled),
                ratio(reworked, handled), ratio(overdue, registered), ratio(closed, registered), ratio(satisfied, rated));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
