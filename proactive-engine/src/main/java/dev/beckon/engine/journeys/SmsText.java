package dev.beckon.engine.journeys;

/** The texts of the built-in journeys' SMS steps. Merchant-editable templates replace these later. */
final class SmsText {

    private SmsText() {
    }

    static String abandonedCheckout(JourneyRun run) {
        String greeting = run.firstName() == null ? "Hi" : "Hi " + run.firstName();
        return greeting + ", your cart is still waiting. Complete your order here: " + run.recoveryUrl()
                + " Reply STOP to opt out.";
    }
}
