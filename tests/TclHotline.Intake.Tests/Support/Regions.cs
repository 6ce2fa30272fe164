using TclHotline.Intake.Domain.Regions;

namespace TclHotline.Intake.Tests.Support;

/// <summary>The real catalogue with default options, loaded once for the test run.</summary>
internal static class Regions
{
    public static readonly RegionCatalogue Default = RegionCatalogue.Load(new RegionOptions());
}
