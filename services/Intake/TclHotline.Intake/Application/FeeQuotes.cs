using TclHotline.Intake.Data;
using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Regions;
using TclHotline.Messages.Intake;
using TclHotline.ServiceDefaults.Database;

namespace TclHotline.Intake.Application;

/// <summary>
/// The fee estimate of an order from what is known now (rules 13, 15, 16, 12): the warranty decision stored with
/// it, the outlet's distance once dispatch chose one, the visit time the customer chose, the branch's verdict on a
/// suspicious invoice. Every estimate given is kept in order with its instant and cause, and published so dispatch
/// can check a completion against the last one.
/// </summary>
public sealed class FeeQuotes(FeeEstimator fees, RegionCatalogue regions)
{
    public static class Causes
    {
        public const string Registered = "REGISTERED";
        public const string Assigned = "ASSIGNED";
        public const string AppointmentBooked = "APPOINTMENT_BOOKED";
        public const string InvoiceVerified = "INVOICE_VERIFIED";
    }

    public FeeEstimate Estimate(ServiceOrderRow order) => fees.Estimate(new FeeRequest
    {
        OrderType = order.OrderType,
        FaultCategory = order.FaultCategory,
        Warranty = StoredDecisions.Warranty(order.WarrantyDecision),
        BranchTimeZone = regions.FindDistrict(order.DistrictCode)?.Branch.TimeZone ?? regions.TimeZone,
        DistanceKm = order.DistanceKm,
        RequestedVisitAt = order.VisitAt,
        Invoice = order.InvoiceVerification switch
        {
            "Pending" => InvoiceVerdict.Pending,
            "Genuine" => InvoiceVerdict.Genuine,
            "False" => InvoiceVerdict.False,
            _ => null,
        },
        InvoiceReason = order.InvoiceVerificationReason,
    });

    /// <summary>Estimates the order afresh and keeps the estimate as its next revision.</summary>
    public async Task<FeeEstimate> ReestimateAsync(UnitOfWork unit, Guid orderId, string cause)
    {
        var order = (await unit.QuerySingleOrDefaultAsync<ServiceOrderRow>(IntakeSql.SelectOrderById, new { OrderId = orderId }))!;
        var estimate = Estimate(order);
        await KeepAsync(unit, order, estimate, cause);
        return estimate;
    }

    /// <summary>
    /// Keeps <paramref name="estimate"/> as the order's current one and in its history, and tells dispatch.
    /// Returns the history row as stored, so a caller that needs it has no cause to read it back.
    /// </summary>
    public static async Task<FeeEstimateRow> KeepAsync(UnitOfWork unit, ServiceOrderRow order, FeeEstimate estimate, string cause)
    {
        var kept = new FeeEstimateRow
        {
            Revision = order.FeeRevision + 1,
            Cause = cause,
            // Instants are stored as Unix milliseconds: the row returned says what a read would.
            EstimatedAt = DateTimeOffset.FromUnixTimeMilliseconds(unit.Now.ToUnixTimeMilliseconds()),
            Estimate = StoredDecisions.Write(estimate),
        };
        await unit.ExecuteAsync(IntakeSql.SetCurrentEstimate, new
        {
            order.OrderId, estimate.Chargeable, estimate.Total, kept.Estimate, kept.Revision,
        });
        await unit.ExecuteAsync(IntakeSql.InsertEstimate, new
        {
            order.OrderId, kept.Revision, kept.Cause, kept.EstimatedAt, kept.Estimate,
        });
        await unit.PublishAsync(new FeeEstimated(order.OrderId, order.OrderNumber, order.BranchCode, kept.Revision, cause,
            estimate.Chargeable, estimate.Total, estimate.TravelIncluded, estimate.Provisional, unit.Now), order.OrderId.ToString());
        return kept;
    }
}
