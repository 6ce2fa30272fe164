using Dapper;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Returns.Data;
using TclHotline.Returns.Domain;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Application;

/// <summary>
/// Rule 12 by dealer: the invoices intake flagged suspicious (its provisional estimates), traced to the dealer
/// the unit was delivered to. Dealers with at least the configured number of cases are listed with the cases.
/// </summary>
public sealed class InvoiceFraud(ReturnsDatabase db, InvoiceFraudOptions options)
{
    public const string Pending = "PENDING";
    public const string Verified = "VERIFIED";

    public async Task<V1.InvoiceFraudDealers> ListAsync(string branch, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var cases = await c.QueryAsync<InvoiceCaseRow>(ReturnsSql.SelectSuspiciousInvoiceCases, new { BranchCode = branch });
        var reply = new V1.InvoiceFraudDealers { BranchCode = branch, MinCases = options.MinCases };
        foreach (var dealer in cases.GroupBy(x => x.DealerCode)
                     .Where(g => g.Count() >= options.MinCases)
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var listed = new V1.InvoiceFraudDealer { DealerCode = dealer.Key, Cases = dealer.Count() };
            listed.Suspicious.AddRange(dealer.Select(x => new V1.SuspiciousInvoiceCase
            {
                OrderId = x.OrderId.ToString("D"),
                OrderNumber = x.OrderNumber,
                SerialNumber = x.SerialNumber,
                FlaggedAt = Timestamp.FromDateTimeOffset(x.InvoiceFlaggedAt),
                State = x.InvoiceVerifiedAt is null ? Pending : Verified,
                ChargeableAfterVerification = x.ChargeableAfterVerification == true,
            }));
            reply.Dealers.Add(listed);
        }
        return reply;
    }
}
