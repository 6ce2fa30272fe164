using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Returns.Domain;

/// <summary>Everything the returns service decides by, bound from <c>Returns</c>; every number of a rule lives here.</summary>
public sealed class ReturnsOptions
{
    public const string Section = "Returns";

    /// <summary>The dealers the branches deliver to, by dealer code.</summary>
    public Dictionary<string, DealerOptions> Dealers { get; set; } = new(StringComparer.Ordinal);

    [ValidateObjectMembers]
    public StockOptions Stock { get; set; } = new();

    [ValidateObjectMembers]
    public SlowRepairOptions SlowRepair { get; set; } = new();

    [ValidateObjectMembers]
    public DepreciationOptions Depreciation { get; set; } = new();

    [ValidateObjectMembers]
    public InvoiceFraudOptions InvoiceFraud { get; set; } = new();

    [Positive]
    public int MaxBulkDeliveries { get; set; } = 5000;
}

public sealed class DealerOptions
{
    public string Name { get; set; } = "";
    public string Branch { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";

    /// <summary>The shop's district in the region catalogue: where a pre-sale repair is done.</summary>
    public string DistrictCode { get; set; } = "";
    public string StreetAddress { get; set; } = "";
}

/// <summary>Rule 23.</summary>
public sealed class StockOptions
{
    /// <summary>A unit still in a dealer's stock more than this many months after delivery is 滞销机.</summary>
    [Positive]
    public int AgingMonths { get; set; } = 2;
}

/// <summary>Rule 9, as the returns service checks a service-class merchant return against it.</summary>
public sealed class SlowRepairOptions
{
    /// <summary>More days than this in repair for the repairer's own reasons is slow.</summary>
    [Positive]
    public int RepairerDelayDays { get; set; } = 30;

    /// <summary>More days than this waiting for parts is slow.</summary>
    [Positive]
    public int PartsWaitDays { get; set; } = 90;
}

/// <summary>Rule 17: what an old unit is worth at an age, in percent of its purchase price.</summary>
public sealed class DepreciationOptions
{
    /// <summary>Bands in ascending order: up to (and including) <see cref="DepreciationBand.UpToMonths"/> whole months of age the unit keeps <see cref="DepreciationBand.ValuePercent"/>.</summary>
    public List<DepreciationBand> Table { get; set; } = [];

    /// <summary>Older than the last band.</summary>
    [NotNegative]
    public decimal FloorPercent { get; set; } = 10m;
}

public sealed class DepreciationBand
{
    public int UpToMonths { get; set; }
    public decimal ValuePercent { get; set; }
}

/// <summary>Rule 12 by dealer.</summary>
public sealed class InvoiceFraudOptions
{
    /// <summary>A dealer is listed once this many of its customers' invoices were flagged suspicious.</summary>
    [Positive]
    public int MinCases { get; set; } = 2;
}
