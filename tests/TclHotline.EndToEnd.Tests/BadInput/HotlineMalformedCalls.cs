using System.Net;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TclHotline.EndToEnd.Tests.Apis;
using TclHotline.EndToEnd.Tests.Harness;
using TclHotline.Grpc.Dispatch.V1;
using TclHotline.Grpc.Intake.V1;
using TclHotline.Grpc.Sla.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Testing;

namespace TclHotline.EndToEnd.Tests.BadInput;

/// <summary>The malformed-request table for intake, dispatch, the SLA timer and the telephony webhook.</summary>
public static class HotlineMalformedCalls
{
    private const string WebhookPath = "/telephony/events";
    private const string SecretHeader = "X-Telephony-Secret";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static IEnumerable<MalformedCall> For(SystemUnderTest system)
    {
        var calls = new HotlineCalls(system);
        var intake = calls.Intake;
        var anonymousIntake = new IntakeService.IntakeServiceClient(system.Channel(system.Intake, null));
        var dispatcher = calls.Dispatcher;
        var anonymousDispatch = new DispatchService.DispatchServiceClient(system.Channel(system.Dispatch, null));
        var sla = calls.Sla;
        var anonymousSla = new SlaTimer.SlaTimerClient(system.Channel(system.Sla, null));
        var unknown = Guid.NewGuid().ToString();

        MalformedCall Register(string name, Action<RegisterCallRequest> spoil, StatusCode expected, params string[] fields) =>
            new("RegisterCall " + name, async () =>
            {
                var request = HotlineCalls.UrbanRepair();
                spoil(request);
                await intake.RegisterCallAsync(request);
            }, expected, fields);

        var future = TestClock.Now.UtcDateTime.AddDays(30).ToString("yyyy-MM-dd");
        yield return Register("without caller_number", r => r.CallerNumber = "", StatusCode.InvalidArgument, "caller_number");
        yield return Register("with a 5-digit caller_number", r => r.CallerNumber = "12345", StatusCode.InvalidArgument, "caller_number");
        yield return Register("without customer_name", r => r.CustomerName = "", StatusCode.InvalidArgument, "customer_name");
        yield return Register("with a 10 000-character customer_name", r => r.CustomerName = new string('张', 10_000), StatusCode.InvalidArgument, "customer_name");
        yield return Register("with an unknown province_code", r => r.ProvinceCode = "99", StatusCode.InvalidArgument, "province_code");
        yield return Register("with an unknown district_code", r => r.DistrictCode = "439999", StatusCode.InvalidArgument, "district_code");
        yield return Register("with an unknown order_type code", r => r.OrderType = (Grpc.Intake.V1.OrderType)99, StatusCode.InvalidArgument, "order_type");
        yield return Register("without order_type", r => r.OrderType = Grpc.Intake.V1.OrderType.Unspecified, StatusCode.InvalidArgument, "order_type");
        yield return Register("with a purchase_date in the future", r => r.PurchaseDate = future, StatusCode.InvalidArgument, "purchase_date");
        yield return Register("with an impossible purchase_date", r => r.PurchaseDate = "2025-13-45", StatusCode.InvalidArgument, "purchase_date");
        yield return Register("with an invoice_date in the future", r => r.InvoiceDate = future, StatusCode.InvalidArgument, "invoice_date");
        yield return Register("with symbols in serial_number", r => r.SerialNumber = "55P71C-2403/$", StatusCode.InvalidArgument, "serial_number");
        yield return Register("with a repair fault_category missing", r => r.FaultCategory = FaultCategory.Unspecified, StatusCode.InvalidArgument, "fault_category");
        yield return Register("with a bracket_source on a repair", r => r.BracketSource = BracketSource.Company, StatusCode.InvalidArgument, "bracket_source");
        yield return Register("without idempotency_key", r => r.IdempotencyKey = "", StatusCode.InvalidArgument, "idempotency_key");
        yield return new("RegisterCall without a token", async () => await anonymousIntake.RegisterCallAsync(HotlineCalls.UrbanRepair()), StatusCode.Unauthenticated);
        yield return new("GetServiceOrder of an unknown order", async () => await intake.GetServiceOrderAsync(new() { OrderNumber = "NO-SUCH-ORDER" }), StatusCode.NotFound);
        yield return new("CancelServiceOrder of an unknown order", async () => await calls.IntakeAdmin.CancelServiceOrderAsync(new() { OrderNumber = "NO-SUCH-ORDER", Reason = "r", CancelledBy = "a" }), StatusCode.NotFound);

        yield return new("GetOrderDispatch with a malformed order_id", async () => await dispatcher.GetOrderDispatchAsync(new() { OrderId = "not-a-guid" }), StatusCode.InvalidArgument, "order_id");
        yield return new("GetOrderDispatch of an unknown order", async () => await dispatcher.GetOrderDispatchAsync(new() { OrderId = unknown }), StatusCode.NotFound);
        yield return new("AssignEngineer of an unknown order", async () => await dispatcher.AssignEngineerAsync(new() { OrderId = unknown, EngineerId = "CS-E01", Dispatcher = "d", IdempotencyKey = "k-" + unknown }), StatusCode.NotFound);
        yield return new("BookAppointment of an unknown order", async () => await dispatcher.BookAppointmentAsync(new() { OrderId = unknown, WindowStart = Timestamp.FromDateTimeOffset(TestClock.Now.AddDays(1)), IdempotencyKey = "b-" + unknown }), StatusCode.NotFound);
        yield return new("ReportArrival of an unknown visit", async () => await calls.EngineerApp("CS-E01").ReportArrivalAsync(new() { OrderId = unknown, VisitId = unknown, EngineerId = "CS-E01" }), StatusCode.NotFound);
        MalformedCall Complete(string name, Completion completion, params string[] fields) =>
            new("CompleteVisit " + name, async () => await calls.EngineerApp("CS-E01").CompleteVisitAsync(new CompleteVisitRequest
            {
                Report = new VisitReport { OrderId = unknown, VisitId = unknown, EngineerId = "CS-E01" },
                SerialNumber = "55P71C2403E2E", Completion = completion, IdempotencyKey = "bad-" + HotlineCalls.Unique(),
            }), StatusCode.InvalidArgument, fields);
        yield return Complete("with negative days_in_repair", new Completion { Repaired = true, DaysInRepair = -5 }, "completion.days_in_repair");
        yield return Complete("with days_waiting_for_parts over 3650", new Completion { Repaired = true, DaysWaitingForParts = 3651 }, "completion.days_waiting_for_parts");
        yield return Complete("with a fee on a declined repair", new Completion { CustomerDeclined = true, FeeChargedYuan = "50" }, "completion.fee_charged_yuan");
        yield return Complete("with an unknown warranty_exclusion", new Completion { Repaired = true, WarrantyExclusion = (WarrantyExclusion)9 }, "completion.warranty_exclusion");
        yield return new("RecordInvoiceVerification without a reason", async () => await new IntakeService.IntakeServiceClient(
            system.ChannelAs(system.Intake, HotlineRoles.ServiceDirector, "CS")).RecordInvoiceVerificationAsync(new() { OrderNumber = "NO-SUCH-ORDER" }),
            StatusCode.InvalidArgument, "reason");
        yield return new("RecordInvoiceVerification by an agent", async () => await intake.RecordInvoiceVerificationAsync(
            new() { OrderNumber = "NO-SUCH-ORDER", Reason = "r" }), StatusCode.PermissionDenied);
        yield return new("GetOrderDispatch without a token", async () => await anonymousDispatch.GetOrderDispatchAsync(new() { OrderId = unknown }), StatusCode.Unauthenticated);

        yield return new("GetDeadline without owner", async () => await sla.GetDeadlineAsync(new() { SubjectId = unknown, Kind = "on-site" }), StatusCode.InvalidArgument, "owner");
        yield return new("GetDeadline of an unknown subject", async () => await sla.GetDeadlineAsync(new() { Owner = "dispatch", SubjectId = unknown, Kind = "on-site" }), StatusCode.NotFound);
        yield return new("ListAtRisk with a negative page_size", async () => await sla.ListAtRiskAsync(new() { PageSize = -5 }), StatusCode.InvalidArgument, "page_size");
        yield return new("ListAtRisk without a token", async () => await anonymousSla.ListAtRiskAsync(new()), StatusCode.Unauthenticated);

        var offered = """{"callId":"pbx-bad-1","eventTime":"2026-01-01T00:00:00Z","offered":{"callerNumber":"13900000000","dialledNumber":"4008123456","queue":"repair"}}""";
        yield return Webhook(system, "telephony webhook without the secret", offered, null, StatusCode.Unauthenticated);
        yield return Webhook(system, "telephony webhook with a wrong secret", offered, "not-the-secret", StatusCode.Unauthenticated);
        yield return Webhook(system, "telephony webhook with a body that is not JSON", "<xml/>", SystemUnderTest.ConnectorSecret, StatusCode.InvalidArgument, "body");
        yield return Webhook(system, "telephony webhook without call_id", offered.Replace("pbx-bad-1", "", StringComparison.Ordinal), SystemUnderTest.ConnectorSecret, StatusCode.InvalidArgument, "call_id");
    }

    /// <summary>A webhook request, its HTTP answer read as the equivalent gRPC status (401 → Unauthenticated, 400 → InvalidArgument).</summary>
    private static MalformedCall Webhook(SystemUnderTest system, string name, string body, string? secret, StatusCode expected, params string[] fields) =>
        new(name, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, system.Intake.HttpAddress + WebhookPath)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (secret is not null) request.Headers.Add(SecretHeader, secret);
            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = response.StatusCode switch
            {
                HttpStatusCode.OK => (StatusCode?)null,
                HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
                HttpStatusCode.BadRequest => StatusCode.InvalidArgument,
                HttpStatusCode.RequestEntityTooLarge => StatusCode.ResourceExhausted,
                _ => StatusCode.Unknown,
            };
            if (status is { } refused) throw new RpcException(new Status(refused, $"HTTP {(int)response.StatusCode}: {text}"));
        }, expected, fields);
}
