using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;
using SatisfactionScale = TclHotline.Complaints.Domain.SatisfactionScale;

namespace TclHotline.Complaints.Api;

/// <summary>
/// Checks each complaint desk request before anything is looked up or stored, returning every bad
/// field by its proto name (none when the request is well formed). Whether an order, unit or complaint
/// exists is the service layer's check.
/// </summary>
public sealed class ComplaintRequestValidator(SatisfactionScale scale)
{
    public FieldErrors Validate(FileComplaintRequest request)
    {
        var bad = new FieldErrors();
        bad.Required("customer_name", request.CustomerName);
        bad.Required("customer_phone", request.CustomerPhone);
        if (!string.IsNullOrWhiteSpace(request.CustomerPhone) && !IsPhoneNumber(request.CustomerPhone))
        {
            bad.Add("customer_phone", "may hold only digits, spaces, '+' and '-'");
        }

        bad.Required("branch_code", request.BranchCode);
        bad.OptionalId("order_id", request.OrderId);
        if (string.IsNullOrWhiteSpace(request.OrderId)
            && string.IsNullOrWhiteSpace(request.OrderNumber)
            && string.IsNullOrWhiteSpace(request.SerialNumber))
        {
            bad.Add("order_id", "one of order_id, order_number or serial_number is required");
        }

        if (request.Category == ComplaintCategory.Unspecified)
        {
            bad.Add("category", "is required");
        }
        else
        {
            bad.Defined("category", request.Category);
        }

        bad.Required("description", request.Description);
        bad.Required("idempotency_key", request.IdempotencyKey);
        // Who filed it is the token's subject: agent_id is not read.
        bad.MaxLength("customer_name", request.CustomerName, TextLimits.CustomerName);
        bad.MaxLength("customer_phone", request.CustomerPhone, TextLimits.Phone);
        bad.MaxLength("branch_code", request.BranchCode, TextLimits.BranchCode);
        bad.MaxLength("order_number", request.OrderNumber, TextLimits.OrderNumber);
        bad.MaxLength("serial_number", request.SerialNumber, TextLimits.SerialNumber);
        bad.MaxLength("engineer_id", request.EngineerId, TextLimits.EngineerId);
        bad.MaxLength("description", request.Description, TextLimits.LongText);
        bad.MaxLength("idempotency_key", request.IdempotencyKey, IdempotentRequest.MaxKeyLength);
        return bad;
    }

    public FieldErrors Validate(CloseRequest request)
    {
        var bad = new FieldErrors();
        bad.Id("complaint_id", request.ComplaintId);
        if (!scale.Allows(request.SatisfactionScore))
        {
            bad.Add("satisfaction_score", $"must be from {scale.Lowest} to {scale.Highest}");
        }

        return bad;
    }

    public FieldErrors Validate(ResolveRequest request)
    {
        var bad = new FieldErrors();
        bad.Id("complaint_id", request.ComplaintId);
        bad.Required("resolution", request.Resolution);
        bad.MaxLength("resolution", request.Resolution, TextLimits.LongText);
        bad.NotNegative("compensation_fen", request.CompensationFen);
        return bad;
    }

    public static FieldErrors Validate(AcknowledgeRequest request) => AboutOneComplaint(request.ComplaintId);

    public static FieldErrors Validate(StartInvestigationRequest request) => AboutOneComplaint(request.ComplaintId);

    public static FieldErrors Validate(ReopenRequest request) => AboutOneComplaint(request.ComplaintId, request.Reason);

    public static FieldErrors Validate(EscalateRequest request) => AboutOneComplaint(request.ComplaintId, request.Reason);

    public static FieldErrors Validate(GetComplaintRequest request) => AboutOneComplaint(request.ComplaintId);

    public static FieldErrors Validate(ListComplaintsRequest request)
    {
        var bad = new FieldErrors();
        bad.NotNegative("page_size", request.PageSize);
        return bad;
    }

    public static FieldErrors Validate(GetEngineerRecordRequest request, int maxCases)
    {
        var bad = new FieldErrors();
        bad.Required("engineer_id", request.EngineerId);
        bad.MaxLength("engineer_id", request.EngineerId, TextLimits.EngineerId);
        bad.CountUpTo("max_cases", request.MaxCases, maxCases);
        return bad;
    }

    /// <summary>
    /// The shape of the requests about one complaint: its id and maybe why. Who acts is the token's
    /// subject: agent_id is not read.
    /// </summary>
    private static FieldErrors AboutOneComplaint(string complaintId, string? reason = null)
    {
        var bad = new FieldErrors();
        bad.Id("complaint_id", complaintId);
        if (reason is not null)
        {
            bad.Required("reason", reason);
            bad.MaxLength("reason", reason, TextLimits.Reason);
        }

        return bad;
    }

    private static bool IsPhoneNumber(string phone) =>
        phone.Any(char.IsAsciiDigit) && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-');

    /// <summary>The widths of the SQL Server columns these fields are stored in (0001_complaints.sql).</summary>
    public static class TextLimits
    {
        public const int CustomerName = 200;
        public const int Phone = 40;
        public const int BranchCode = 20;
        public const int OrderNumber = 40;
        public const int SerialNumber = 60;
        public const int EngineerId = 60;
        public const int LongText = 4000;
        public const int Reason = 1000;
    }
}
