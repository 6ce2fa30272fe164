using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake.Domain.Warranty;

/// <summary>The numbers of the 三包 rules and the maker's policy (section "Intake:Warranty").</summary>
public sealed class WarrantyOptions
{
    /// <summary>Rule 4: whole-unit period.</summary>
    [Positive]
    public int WholeUnitMonths { get; set; } = 12;

    /// <summary>Rule 4: main parts (panel, main board) period.</summary>
    [Positive]
    public int MainPartsMonths { get; set; } = 36;

    /// <summary>Rule 6: days after sale in which a performance fault gives return, exchange or repair.</summary>
    [Positive]
    public int ReturnRightDays { get; set; } = 7;

    /// <summary>Rule 7: days after sale in which a performance fault gives exchange or repair.</summary>
    [Positive]
    public int ExchangeRightDays { get; set; } = 15;

    /// <summary>Rule 8: the fault report within the period that makes a unit eligible for exchange.</summary>
    [Positive]
    public int ExchangeAtFaultReport { get; set; } = 3;

    /// <summary>Rule 9: a repair longer than this many days for the repairer's own reasons gives an exchange.</summary>
    [Positive]
    public int RepairerDelayDays { get; set; } = 30;

    /// <summary>Rule 9: waiting longer than this many days for parts gives an exchange.</summary>
    [Positive]
    public int PartsWaitDays { get; set; } = 90;

    /// <summary>Rule 10: days after purchase within which a hotline installation moves the start to the installation date.</summary>
    [Positive]
    public int InstallationWindowDays { get; set; } = 30;

    /// <summary>Rule 11: without an invoice the period starts this many days after the production date.</summary>
    [Positive]
    public int NoInvoiceStartDays { get; set; } = 60;

    /// <summary>Rule 12: an invoice dated more than this many months after production is suspicious.</summary>
    [Positive]
    public int SuspiciousInvoiceMonths { get; set; } = 24;

    /// <summary>Where the production date sits in a serial number.</summary>
    public SerialDateFormat SerialDate { get; set; } = new();
}
