package dev.flireo.testkit.mock.internal;

/** The credit controls the admin and Java APIs use, kept beside the account handlers that own the balance. */
public final class AccountSupport {

    private AccountSupport() {
    }

    public static void setMinutesBalance(MockContext ctx, double minutes) {
        AccountHandlers.setMinutesBalance(ctx, minutes);
    }
}
