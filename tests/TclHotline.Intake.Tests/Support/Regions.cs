using TclHotline.Intake.Domain.Regions;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Intake.Tests.Support;

/// <summary>The real catalogue with default options and the shipped branches, loaded once for the test run.</summary>
internal static class Regions
{
    public static readonly RegionCatalogue Default = RegionCatalogue.Load(new RegionOptions(), BranchCatalogue.Shipped());
}
