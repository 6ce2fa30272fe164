using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Tests.Domain;

public sealed class ConnectorSecretTests
{
    [Theory]
    [InlineData("s3cret-value", "s3cret-value", true)]
    [InlineData("s3cret-value", "s3cret-valuE", false)]
    [InlineData("s3cret-value", "s3cret-value ", false)]
    [InlineData("s3cret-value", "", false)]
    [InlineData("s3cret-value", null, false)]
    [InlineData(null, "anything", false)]   // no secret configured: nothing gets in
    [InlineData("", "", false)]
    public void Only_the_configured_secret_matches(string? configured, string? presented, bool expected) =>
        Assert.Equal(expected, ConnectorSecret.Matches(configured, presented));
}
