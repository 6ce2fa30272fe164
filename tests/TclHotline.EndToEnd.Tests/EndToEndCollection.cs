using TclHotline.EndToEnd.Tests.Harness;
using Xunit;

namespace TclHotline.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one running system: starting the broker and four hosts costs most of the run.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<SystemUnderTest>
{
    public const string Name = "end-to-end";
}
