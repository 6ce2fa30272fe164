using TclHotline.Returns.Tests.Support;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>A returns host whose aging stock chart draws one dealer only.</summary>
public sealed class OneDealerReportHost : ReturnsHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Returns:Report:AgingDealersShown", "1")];
}
