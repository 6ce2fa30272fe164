using TclHotline.Complaints.Api;
using TclHotline.Complaints.Domain;
using TclHotline.Complaints.Tests.Support;
using TclHotline.Grpc.Complaints.V1;
using TclHotline.ServiceDefaults.Validation;
using ProtoCategory = TclHotline.Grpc.Complaints.V1.ComplaintCategory;

namespace TclHotline.Complaints.Tests.Domain;

public sealed class ComplaintRequestValidatorTests
{
    private static readonly ComplaintRequestValidator Validator = new(new SatisfactionScale());
    private static readonly string ComplaintId = Guid.NewGuid().ToString();

    private static FileComplaintRequest GoodFiling() => new()
    {
        CustomerName = "Li Wei",
        CustomerPhone = "+86 138-0013-8000",
        BranchCode = Desk.Branch,
        OrderId = Desk.OrderId.ToString(),
        Category = ProtoCategory.FeeDispute,
        Description = "Charged for a repair within warranty",
        IdempotencyKey = "call-8841-complaint",
        AgentId = Desk.Agent,
    };

    private static IEnumerable<string> Fields(FieldErrors errors) => errors.Errors.Select(e => e.Field);

    [Fact]
    public void A_well_formed_filing_has_no_bad_field() => Assert.Empty(Validator.Validate(GoodFiling()).Errors);

    public static TheoryData<string, Action<FileComplaintRequest>> OneBadField => new()
    {
        { "customer_name", r => r.CustomerName = "" },
        { "customer_phone", r => r.CustomerPhone = " " },
        { "customer_phone", r => r.CustomerPhone = "call me" },
        { "branch_code", r => r.BranchCode = "" },
        { "order_id", r => r.OrderId = "WO-123" },
        { "order_id", r => r.OrderId = "" },
        { "category", r => r.Category = ProtoCategory.Unspecified },
        { "category", r => r.Category = (ProtoCategory)99 },
        { "description", r => r.Description = "  " },
        { "idempotency_key", r => r.IdempotencyKey = "" },
    };

    [Theory]
    [MemberData(nameof(OneBadField))]
    public void A_filing_names_its_one_bad_field_by_its_proto_name(string field, Action<FileComplaintRequest> spoil)
    {
        var request = GoodFiling();
        spoil(request);

        Assert.Equal([field], Fields(Validator.Validate(request)));
    }

    [Theory]
    [InlineData("", "WO-2025-000456", "")]
    [InlineData("", "", "TCL55C8K0001")]
    public void A_filing_may_name_its_order_by_number_or_its_unit_by_serial(string orderId, string orderNumber, string serial)
    {
        var request = GoodFiling();
        request.OrderId = orderId;
        request.OrderNumber = orderNumber;
        request.SerialNumber = serial;

        Assert.Empty(Validator.Validate(request).Errors);
    }

    [Fact]
    public void An_empty_filing_names_every_bad_field()
    {
        Assert.Equal(
            ["customer_name", "customer_phone", "branch_code", "order_id", "category", "description", "idempotency_key"],
            Fields(Validator.Validate(new FileComplaintRequest())));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-3, false)]
    public void Rule20_a_close_takes_a_satisfaction_score_from_1_to_5(int score, bool good)
    {
        var request = new CloseRequest { ComplaintId = ComplaintId, SatisfactionScore = score, AgentId = Desk.Agent };

        Assert.Equal(good ? [] : ["satisfaction_score"], Fields(Validator.Validate(request)));
    }

    [Fact]
    public void An_empty_close_names_every_bad_field() =>
        Assert.Equal(["complaint_id", "satisfaction_score"], Fields(Validator.Validate(new CloseRequest())));

    [Fact]
    public void A_resolve_needs_what_was_done_and_no_negative_compensation()
    {
        Assert.Empty(Validator.Validate(new ResolveRequest { ComplaintId = ComplaintId, Resolution = "Refunded", CompensationFen = 0, AgentId = "a" }).Errors);
        Assert.Equal(
            ["complaint_id", "resolution", "compensation_fen"],
            Fields(Validator.Validate(new ResolveRequest { ComplaintId = "42", CompensationFen = -100 })));
    }

    [Fact]
    public void The_requests_about_one_complaint_name_their_bad_fields()
    {
        Assert.Equal(["complaint_id"], Fields(ComplaintRequestValidator.Validate(new AcknowledgeRequest())));
        Assert.Equal(["complaint_id"], Fields(ComplaintRequestValidator.Validate(new StartInvestigationRequest { ComplaintId = "x", AgentId = "a" })));
        Assert.Equal(["reason"], Fields(ComplaintRequestValidator.Validate(new ReopenRequest { ComplaintId = ComplaintId, AgentId = "a" })));
        Assert.Equal(["complaint_id", "reason"], Fields(ComplaintRequestValidator.Validate(new EscalateRequest())));
        Assert.Empty(ComplaintRequestValidator.Validate(new EscalateRequest { ComplaintId = ComplaintId, Reason = "VIP", AgentId = "a" }).Errors);
        Assert.Equal(["complaint_id"], Fields(ComplaintRequestValidator.Validate(new GetComplaintRequest { ComplaintId = "" })));
        Assert.Equal(["page_size"], Fields(ComplaintRequestValidator.Validate(new ListComplaintsRequest { PageSize = -1 })));
        Assert.Empty(ComplaintRequestValidator.Validate(new ListComplaintsRequest()).Errors);
        Assert.Equal(["engineer_id"], Fields(ComplaintRequestValidator.Validate(new GetEngineerRecordRequest(), maxCases: 500)));
    }
}
