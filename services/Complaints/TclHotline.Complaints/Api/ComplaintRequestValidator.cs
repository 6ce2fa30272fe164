using Google.Protobuf.Reflection;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Grpc;
using SatisfactionScale = TclHotline.Complaints.Domain.SatisfactionScale;

namespace TclHotline.Complaints.Api;

/// <summary>
/// Checks each complaint desk request before anything is looked up or stored, returning every bad
/// field (empty when the request is well formed). Whether an order, unit or complaint exists is the
/// service layer's check.
/// </summary>
public sealed class ComplaintRequestValidator(SatisfactionScale scale)
{
    public IReadOnlyList<FieldViolation> Validate(FileComplaintRequest request)
    {
        var bad = new FieldViolations(FileComplaintRequest.Descriptor);
        bad.Require(FileComplaintRequest.CustomerNameFieldNumber, request.CustomerName);
        bad.Require(FileComplaintRequest.CustomerPhoneFieldNumber, request.CustomerPhone);
        if (!string.IsNullOrWhiteSpace(request.CustomerPhone) && !IsPhoneNumber(request.CustomerPhone))
        {
            bad.Add(FileComplaintRequest.CustomerPhoneFieldNumber, "may hold only digits, spaces, '+' and '-'");
        }

        bad.Require(FileComplaintRequest.BranchCodeFieldNumber, request.BranchCode);
        bad.OptionalId(FileComplaintRequest.OrderIdFieldNumber, request.OrderId);
        if (string.IsNullOrWhiteSpace(request.OrderId)
            && string.IsNullOrWhiteSpace(request.OrderNumber)
            && string.IsNullOrWhiteSpace(request.SerialNumber))
        {
            bad.Add(FileComplaintRequest.OrderIdFieldNumber, "one of order_id, order_number or serial_number is required");
        }

        if (request.Category == ComplaintCategory.Unspecified)
        {
            bad.Add(FileComplaintRequest.CategoryFieldNumber, "is required");
        }
        else if (!Enum.IsDefined(request.Category))
        {
            bad.Add(FileComplaintRequest.CategoryFieldNumber, "is not a known category");
        }

        bad.Require(FileComplaintRequest.DescriptionFieldNumber, request.Description);
        bad.Require(FileComplaintRequest.IdempotencyKeyFieldNumber, request.IdempotencyKey);
        // Who filed it is the token's subject: agent_id is not read.
        bad.MaxLength(FileComplaintRequest.CustomerNameFieldNumber, request.CustomerName, TextLimits.CustomerName);
        bad.MaxLength(FileComplaintRequest.CustomerPhoneFieldNumber, request.CustomerPhone, TextLimits.Phone);
        bad.MaxLength(FileComplaintRequest.BranchCodeFieldNumber, request.BranchCode, TextLimits.BranchCode);
        bad.MaxLength(FileComplaintRequest.OrderNumberFieldNumber, request.OrderNumber, TextLimits.OrderNumber);
        bad.MaxLength(FileComplaintRequest.SerialNumberFieldNumber, request.SerialNumber, TextLimits.SerialNumber);
        bad.MaxLength(FileComplaintRequest.EngineerIdFieldNumber, request.EngineerId, TextLimits.EngineerId);
        bad.MaxLength(FileComplaintRequest.DescriptionFieldNumber, request.Description, TextLimits.LongText);
        bad.MaxLength(FileComplaintRequest.IdempotencyKeyFieldNumber, request.IdempotencyKey, IdempotentRequest.MaxKeyLength);
        return bad.Found;
    }

    public IReadOnlyList<FieldViolation> Validate(CloseRequest request)
    {
        var bad = new FieldViolations(CloseRequest.Descriptor);
        bad.RequireId(CloseRequest.ComplaintIdFieldNumber, request.ComplaintId);
        if (!scale.Allows(request.SatisfactionScore))
        {
            bad.Add(CloseRequest.SatisfactionScoreFieldNumber, $"must be from {scale.Lowest} to {scale.Highest}");
        }

        return bad.Found;
    }

    public IReadOnlyList<FieldViolation> Validate(ResolveRequest request)
    {
        var bad = new FieldViolations(ResolveRequest.Descriptor);
        bad.RequireId(ResolveRequest.ComplaintIdFieldNumber, request.ComplaintId);
        bad.Require(ResolveRequest.ResolutionFieldNumber, request.Resolution);
        bad.MaxLength(ResolveRequest.ResolutionFieldNumber, request.Resolution, TextLimits.LongText);
        if (request.CompensationFen < 0)
        {
            bad.Add(ResolveRequest.CompensationFenFieldNumber, "must not be negative");
        }

        return bad.Found;
    }

    public static IReadOnlyList<FieldViolation> Validate(AcknowledgeRequest request) =>
        ByAgent(
            AcknowledgeRequest.Descriptor,
            (AcknowledgeRequest.ComplaintIdFieldNumber, request.ComplaintId),
            (AcknowledgeRequest.AgentIdFieldNumber, request.AgentId));

    public static IReadOnlyList<FieldViolation> Validate(StartInvestigationRequest request) =>
        ByAgent(
            StartInvestigationRequest.Descriptor,
            (StartInvestigationRequest.ComplaintIdFieldNumber, request.ComplaintId),
            (StartInvestigationRequest.AgentIdFieldNumber, request.AgentId));

    public static IReadOnlyList<FieldViolation> Validate(ReopenRequest request) =>
        ByAgent(
            ReopenRequest.Descriptor,
            (ReopenRequest.ComplaintIdFieldNumber, request.ComplaintId),
            (ReopenRequest.AgentIdFieldNumber, request.AgentId),
            (ReopenRequest.ReasonFieldNumber, request.Reason));

    public static IReadOnlyList<FieldViolation> Validate(EscalateRequest request) =>
        ByAgent(
            EscalateRequest.Descriptor,
            (EscalateRequest.ComplaintIdFieldNumber, request.ComplaintId),
            (EscalateRequest.AgentIdFieldNumber, request.AgentId),
            (EscalateRequest.ReasonFieldNumber, request.Reason));

    public static IReadOnlyList<FieldViolation> Validate(GetComplaintRequest request)
    {
        var bad = new FieldViolations(GetComplaintRequest.Descriptor);
        bad.RequireId(GetComplaintRequest.ComplaintIdFieldNumber, request.ComplaintId);
        return bad.Found;
    }

    public static IReadOnlyList<FieldViolation> Validate(ListComplaintsRequest request)
    {
        var bad = new FieldViolations(ListComplaintsRequest.Descriptor);
        if (request.PageSize < 0)
        {
            bad.Add(ListComplaintsRequest.PageSizeFieldNumber, "must not be negative");
        }

        return bad.Found;
    }

    public static IReadOnlyList<FieldViolation> Validate(GetEngineerRecordRequest request, int maxCases)
    {
        var bad = new FieldViolations(GetEngineerRecordRequest.Descriptor);
        bad.Require(GetEngineerRecordRequest.EngineerIdFieldNumber, request.EngineerId);
        bad.MaxLength(GetEngineerRecordRequest.EngineerIdFieldNumber, request.EngineerId, TextLimits.EngineerId);
        if (request.MaxCases < 0)
            bad.Add(GetEngineerRecordRequest.MaxCasesFieldNumber, "must not be negative");
        else if (request.MaxCases > maxCases)
            bad.Add(GetEngineerRecordRequest.MaxCasesFieldNumber, $"must be at most {maxCases}");
        return bad.Found;
    }

    /// <summary>The shape of the requests an agent makes about one complaint: its id, who acts, maybe why.</summary>
    private static IReadOnlyList<FieldViolation> ByAgent(
        MessageDescriptor message,
        (int Field, string Value) complaintId,
        (int Field, string Value) agentId,
        (int Field, string Value)? reason = null)
    {
        var bad = new FieldViolations(message);
        bad.RequireId(complaintId.Field, complaintId.Value);
        if (reason is { } why)
        {
            bad.Require(why.Field, why.Value);
            bad.MaxLength(why.Field, why.Value, TextLimits.Reason);
        }

        // Who acts is the token's subject: agent_id is not read.
        return bad.Found;
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
