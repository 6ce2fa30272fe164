namespace TclHotline.Intake.Domain.Warranty;

/// <summary>
/// Decides a unit's 三包 position on the branch's current date (rules 4–12). Plain code: the
/// repair history and prior fault reports come in with the request.
/// </summary>
public sealed class WarrantyEngine
{
    private readonly WarrantyOptions options;
    private readonly TimeProvider time;
    private readonly ProductionDateReader productionDates;

    public WarrantyEngine(WarrantyOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        productionDates = new ProductionDateReader(options.SerialDate);
    }

    public WarrantyDecision Decide(WarrantyRequest request)
    {
        var asOf = LegalPeriod.LocalDate(time.GetUtcNow(), request.BranchTimeZone);
        var production = productionDates.Read(request.SerialNumber, request.LabelProductionDate, asOf);
        var rules = new SortedSet<int>();
        var missing = new List<Proof>();
        var start = StartOf(request, production, rules, missing);
        var suspicious = IsSuspicious(request.InvoiceDate, production, rules, missing);
        var decision = new WarrantyDecision
        {
            AsOf = asOf,
            Coverage = WarrantyCoverage.Undetermined,
            InvoiceDate = request.InvoiceDate,
            InstallationDate = request.HotlineInstallationDate,
            Production = production,
            InvoiceNeedsVerification = suspicious,
            MissingProofs = missing,
        };
        if (start is not { } known)
            return decision with { RulesApplied = [.. rules] };
        var (startDate, basis) = known;

        rules.Add(DomainRule.WarrantyPeriods);
        var (wholeEnd, wholeDays) = WarrantyPeriods.Extend(LegalPeriod.LastDayOfMonths(startDate, options.WholeUnitMonths), request.Repairs);
        var (mainEnd, mainDays) = WarrantyPeriods.Extend(LegalPeriod.LastDayOfMonths(startDate, options.MainPartsMonths), request.Repairs);
        if (wholeDays + mainDays > 0)
            rules.Add(DomainRule.StartAtInvoiceAndRepairDaysExtend);
        var periods = new WarrantyPeriods(wholeEnd, mainEnd);
        var fault = request.CurrentFault is { } f && f != FaultCategory.Unspecified ? f : (FaultCategory?)null;
        var inWarranty = periods.Covers(asOf, fault?.IsMainPart() == true);

        var remedies = new SortedSet<Remedy>();
        if (inWarranty)
            remedies.Add(Remedy.Repair);
        AddSaleRights(request.InvoiceDate, fault, asOf, remedies, rules);
        var reports = request.PriorFaultReports.Count(r => periods.Covers(r.ReportedOn, r.Category.IsMainPart()))
            + (fault is not null && inWarranty ? 1 : 0);
        var exchange = ExchangeAfterRepeatedFaults(reports, rules) | ExchangeAfterSlowRepair(request.Repairs, periods, rules);
        if (exchange)
            remedies.Add(Remedy.Exchange);

        return decision with
        {
            Coverage = periods.CoverageOn(asOf),
            InWarranty = inWarranty,
            StartDate = startDate,
            StartBasis = basis,
            WholeUnitEnd = wholeEnd,
            MainPartsEnd = mainEnd,
            WholeUnitExtensionDays = wholeDays,
            MainPartsExtensionDays = mainDays,
            Remedies = [.. remedies],
            ExchangeEligible = exchange,
            FaultReportsInPeriod = reports,
            RulesApplied = [.. rules],
        };
    }

    // Rules 5, 10, 11: invoice date, or a timely hotline installation, or production + N days without an invoice.
    private (DateOnly, WarrantyStartBasis)? StartOf(WarrantyRequest request, ProductionPeriod? production,
        SortedSet<int> rules, List<Proof> missing)
    {
        if (request.InvoiceDate is { } invoice)
        {
            if (request.HotlineInstallationDate is { } installed && installed >= invoice)
            {
                rules.Add(DomainRule.StartAtTimelyInstallation);
                if (LegalPeriod.IsWithinDays(invoice, options.InstallationWindowDays, installed))
                    return (installed, WarrantyStartBasis.Installation);
            }
            rules.Add(DomainRule.StartAtInvoiceAndRepairDaysExtend);
            return (invoice, WarrantyStartBasis.Invoice);
        }
        missing.Add(Proof.Invoice);
        if (production is null)
        {
            missing.Add(Proof.ProductionDate);
            return null;
        }
        rules.Add(DomainRule.StartFromProductionDate);
        // A serial gives a month or week: its last day is the start that does not shorten the customer's period.
        return (LegalPeriod.LastDayOfDays(production.LastDay, options.NoInvoiceStartDays), WarrantyStartBasis.ProductionDate);
    }

    // Rule 12. Against a month or week from the serial, only a date outside the whole span is suspicious.
    private bool IsSuspicious(DateOnly? invoiceDate, ProductionPeriod? production, SortedSet<int> rules, List<Proof> missing)
    {
        if (invoiceDate is not { } invoice)
            return false;
        if (production is null)
        {
            missing.Add(Proof.ProductionDate);
            return false;
        }
        var suspicious = invoice < production.FirstDay
            || invoice > LegalPeriod.LastDayOfMonths(production.LastDay, options.SuspiciousInvoiceMonths);
        if (suspicious)
            rules.Add(DomainRule.SuspiciousInvoice);
        return suspicious;
    }

    // Rules 6 and 7 run from the sale, which only the invoice proves.
    private void AddSaleRights(DateOnly? invoiceDate, FaultCategory? fault, DateOnly asOf,
        SortedSet<Remedy> remedies, SortedSet<int> rules)
    {
        if (invoiceDate is not { } sale || fault?.IsPerformanceFault() != true)
            return;
        if (LegalPeriod.IsWithinDays(sale, options.ReturnRightDays, asOf))
        {
            remedies.UnionWith([Remedy.Return, Remedy.Exchange, Remedy.Repair]);
            rules.Add(DomainRule.SevenDayRight);
        }
        else if (LegalPeriod.IsWithinDays(sale, options.ExchangeRightDays, asOf))
        {
            remedies.UnionWith([Remedy.Exchange, Remedy.Repair]);
            rules.Add(DomainRule.FifteenDayRight);
        }
    }

    private bool ExchangeAfterRepeatedFaults(int reportsInPeriod, SortedSet<int> rules)
    {
        if (reportsInPeriod < options.ExchangeAtFaultReport)
            return false;
        rules.Add(DomainRule.ExchangeAfterRepeatedFaults);
        return true;
    }

    private bool ExchangeAfterSlowRepair(IEnumerable<RepairRecord> repairs, WarrantyPeriods periods, SortedSet<int> rules)
    {
        var slow = repairs.Any(r => periods.Covers(r.StartedOn, r.InvolvedMainPart)
            && (r.DaysInRepair > options.RepairerDelayDays || r.DaysWaitingForParts > options.PartsWaitDays));
        if (slow)
            rules.Add(DomainRule.ExchangeAfterSlowRepair);
        return slow;
    }
}
