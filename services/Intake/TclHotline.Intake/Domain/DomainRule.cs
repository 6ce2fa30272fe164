namespace TclHotline.Intake.Domain;

/// <summary>The numbers of the rules in DOMAIN.md that intake decisions record as having applied.</summary>
public static class DomainRule
{
    public const int ServedByBranchOfUse = 1;
    public const int UrbanOrRemoteCommitment = 2;
    public const int AreaFromRegionCatalogue = 3;
    public const int WarrantyPeriods = 4;
    public const int StartAtInvoiceAndRepairDaysExtend = 5;
    public const int SevenDayRight = 6;
    public const int FifteenDayRight = 7;
    public const int ExchangeAfterRepeatedFaults = 8;
    public const int ExchangeAfterSlowRepair = 9;
    public const int StartAtTimelyInstallation = 10;
    public const int StartFromProductionDate = 11;
    public const int SuspiciousInvoice = 12;
    public const int EstimateBeforeVisit = 13;
    public const int DeclinedRepairIsFree = 14;
    public const int TravelExcess = 15;
    public const int NightVisitSurcharge = 16;
    public const int PanelExchangeOffer = 17;
}
