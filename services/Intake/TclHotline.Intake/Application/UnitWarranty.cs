using System.Data.Common;
using TclHotline.Intake.Data;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Application;

/// <summary>A stored unit's 三包 position today, from its own records: proofs, hotline installation, repairs.</summary>
public sealed class UnitWarranty(WarrantyEngine warranty, RegionCatalogue regions)
{
    public async Task<(WarrantyDecision Decision, UnitHistory History)> DecideAsync(
        DbConnection connection, DbTransaction? transaction, UnitRow unit, string districtCode, CancellationToken ct)
    {
        var history = await UnitHistory.LoadAsync(connection, transaction, unit.SerialNumber, ct);
        var decision = warranty.Decide(new WarrantyRequest
        {
            BranchTimeZone = regions.FindDistrict(districtCode)?.Branch.TimeZone ?? regions.TimeZone,
            SerialNumber = unit.SerialNumber,
            LabelProductionDate = unit.ProductionDate,
            InvoiceDate = unit.InvoiceDate,
            HotlineInstallationDate = unit.InstalledThroughHotline ? unit.InstallationDate : null,
            PriorFaultReports = history.FaultReports,
            Repairs = history.Repairs,
        });
        return (decision, history);
    }
}
