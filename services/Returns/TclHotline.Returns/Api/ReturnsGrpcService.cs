using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TclHotline.Returns.Application;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;
using V1 = TclHotline.Grpc.Returns.V1;

namespace TclHotline.Returns.Api;

/// <summary>
/// The returns service (tclhotline.returns.v1): check every field → application → proto. Branch staff act
/// within their branch, headquarters in all, a dealer only on its own units (its token's dealer_id).
/// </summary>
public sealed class ReturnsGrpcService(
    PreSaleReports preSale,
    DealerStock stock,
    MerchantReturns merchantReturns,
    Scraps scraps,
    PanelExchanges exchanges,
    InvoiceFraud invoiceFraud,
    ReturnsCalendar calendar,
    ReturnsOptions options) : V1.Returns.ReturnsBase
{
    private const string Staff = HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Sales + "," + HotlineRoles.Administrator;
    private const string StaffAndDealers = Staff + "," + HotlineRoles.Dealer;
    private const string Inspectors = HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Engineer + "," + HotlineRoles.Administrator;
    private const string Director = HotlineRoles.ServiceDirector;
    private const string AgingReaders = HotlineRoles.Sales + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Administrator;

    // ---------- rule 18 ----------

    [Authorize(Roles = StaffAndDealers)]
    public override Task<V1.PreSaleReport> ReportPreSaleUnit(V1.ReportPreSaleUnitRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var errors = new FieldErrors();
        var dealer = DealerCode(errors, caller, request.DealerCode);
        var serial = errors.Serial("serial_number", request.SerialNumber);
        var model = errors.Text("product_model", request.ProductModel, RequestChecks.ModelMax);
        var finding = errors.RequiredEnum<Finding>("finding", request.Finding);
        var description = errors.Text("description", request.Description, RequestChecks.TextMax, required: false);
        IdempotentRequest.CheckKey(errors, request.IdempotencyKey);
        errors.ThrowIfAny();
        var idempotent = IdempotentRequest.For(caller, PreSaleReports.ReportOperation, request.IdempotencyKey, request);
        return preSale.ReportAsync(new PreSaleReports.NewReport(dealer, serial!, model!, finding, description!), caller, idempotent, context.CancellationToken);
    }

    [Authorize(Roles = Inspectors)]
    public override Task<V1.PreSaleReport> RecordInspection(V1.RecordInspectionRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("report_id", request.ReportId);
        var attribution = errors.RequiredEnum<Attribution>("attribution", request.Attribution);
        var bearer = errors.RequiredEnum<CostBearer>("cost_bearer", request.CostBearer);
        if (request.EvidencePhotoIds.Count > RequestChecks.PhotosMax) errors.Add("evidence_photo_ids", $"holds more than {RequestChecks.PhotosMax} photos");
        for (var i = 0; i < request.EvidencePhotoIds.Count; i++)
        {
            var photo = request.EvidencePhotoIds[i];
            errors.Text($"evidence_photo_ids[{i}]", photo, RequestChecks.PhotoIdMax);
            if (photo.Contains(',')) errors.Add($"evidence_photo_ids[{i}]", "must not contain a comma");
        }
        var note = errors.Text("note", request.Note, RequestChecks.TextMax, required: false);
        errors.ThrowIfAny();
        return preSale.InspectAsync(new PreSaleReports.InspectionInput(id, attribution, bearer,
            [.. request.EvidencePhotoIds.Select(p => p.Trim())], note!), Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = Director)]
    public override Task<V1.PreSaleReport> ChangeAttribution(V1.ChangeAttributionRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("report_id", request.ReportId);
        var attribution = errors.RequiredEnum<Attribution>("attribution", request.Attribution);
        var reason = errors.Text("reason", request.Reason, RequestChecks.TextMax);
        errors.ThrowIfAny();
        return preSale.ChangeAttributionAsync(id, attribution, reason!, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = StaffAndDealers + "," + HotlineRoles.Engineer)]
    public override Task<V1.PreSaleReport> GetPreSaleReport(V1.GetPreSaleReportRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("report_id", request.ReportId);
        errors.ThrowIfAny();
        return preSale.GetAsync(id, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = Staff)]
    public override Task<V1.DamageStatistics> GetDamageStatistics(V1.GetDamageStatisticsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var branch = Branch(errors, Caller.From(context), request.BranchCode);
        var month = errors.Month("month", request.Month);
        errors.ThrowIfAny();
        return preSale.StatisticsAsync(branch, month, context.CancellationToken);
    }

    // ---------- dealer stock (rule 23) ----------

    [Authorize(Roles = Staff)]
    public override async Task<V1.DealerUnit> RecordDelivery(V1.RecordDeliveryRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var delivery = Delivery(errors, request, "");
        errors.ThrowIfAny();
        var caller = Caller.From(context);
        await stock.RecordAsync([delivery], caller, _ => "", context.CancellationToken);
        return await stock.GetAsync(delivery.SerialNumber, caller, context.CancellationToken);
    }

    [Authorize(Roles = Staff)]
    public override async Task<V1.RecordDeliveriesResponse> RecordDeliveries(V1.RecordDeliveriesRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        if (request.Deliveries.Count == 0) errors.Add("deliveries", "is empty");
        if (request.Deliveries.Count > options.MaxBulkDeliveries) errors.Add("deliveries", $"holds more than {options.MaxBulkDeliveries} rows");
        errors.ThrowIfAny();
        var deliveries = request.Deliveries.Select((d, i) => Delivery(errors, d, $"deliveries[{i}].")).ToList();
        errors.ThrowIfAny();
        var (recorded, unchanged) = await stock.RecordAsync(deliveries, Caller.From(context), i => $"deliveries[{i}].", context.CancellationToken);
        return new V1.RecordDeliveriesResponse { Recorded = recorded, Unchanged = unchanged };
    }

    [Authorize(Roles = StaffAndDealers)]
    public override Task<V1.DealerUnit> GetDealerUnit(V1.GetDealerUnitRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var serial = errors.Serial("serial_number", request.SerialNumber);
        errors.ThrowIfAny();
        return stock.GetAsync(serial!, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = StaffAndDealers)]
    public override Task<V1.ListDealerUnitsResponse> ListDealerUnits(V1.ListDealerUnitsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var errors = new FieldErrors();
        var dealer = DealerCode(errors, caller, request.DealerCode);
        var size = errors.PageSize("page_size", request.PageSize);
        var after = PageToken.Decode<DealerUnitListPosition>(DealerStock.ListOperation, request.PageToken, errors);
        errors.ThrowIfAny();
        return stock.ListAsync(dealer, size, after, caller, context.CancellationToken);
    }

    [Authorize(Roles = AgingReaders)]
    public override Task<V1.AgingStock> ListAgingStock(V1.ListAgingStockRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var branch = Branch(errors, Caller.From(context), request.BranchCode);
        errors.ThrowIfAny();
        return stock.AgingAsync(branch, context.CancellationToken);
    }

    // ---------- merchant returns (rule 19) ----------

    [Authorize(Roles = StaffAndDealers)]
    public override Task<V1.MerchantReturn> RegisterMerchantReturn(V1.RegisterMerchantReturnRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var errors = new FieldErrors();
        var dealer = DealerCode(errors, caller, request.DealerCode);
        var serial = errors.Serial("serial_number", request.SerialNumber);
        var reason = errors.RequiredEnum<ReturnReason>("reason", request.Reason);
        if (request.ServiceOrderNumbers.Count > 20) errors.Add(MerchantReturns.OrdersField, "names more than 20 orders");
        var orders = request.ServiceOrderNumbers
            .Select((n, i) => errors.Text($"{MerchantReturns.OrdersField}[{i}]", n, RequestChecks.CodeMax)!).ToList();
        var note = errors.Text("note", request.Note, RequestChecks.TextMax, required: false);
        IdempotentRequest.CheckKey(errors, request.IdempotencyKey);
        errors.ThrowIfAny();
        var idempotent = IdempotentRequest.For(caller, MerchantReturns.RegisterOperation, request.IdempotencyKey, request);
        return merchantReturns.RegisterAsync(new MerchantReturns.NewReturn(dealer, serial!, reason, orders, note!), caller, idempotent, context.CancellationToken);
    }

    [Authorize(Roles = StaffAndDealers)]
    public override Task<V1.MerchantReturn> GetMerchantReturn(V1.GetMerchantReturnRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("return_id", request.ReturnId);
        errors.ThrowIfAny();
        return merchantReturns.GetAsync(id, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = Staff)]
    public override Task<V1.MerchantReturnRates> GetMerchantReturnRates(V1.GetMerchantReturnRatesRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var branch = Branch(errors, Caller.From(context), request.BranchCode);
        var month = errors.Month("month", request.Month);
        errors.ThrowIfAny();
        return merchantReturns.RatesAsync(branch, month, context.CancellationToken);
    }

    // ---------- scrap (rule 24) ----------

    [Authorize(Roles = Staff)]
    public override Task<V1.Scrap> DeclareScrap(V1.DeclareScrapRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var errors = new FieldErrors();
        var serial = errors.Serial("serial_number", request.SerialNumber);
        var branch = errors.Text("branch_code", request.BranchCode, RequestChecks.CodeMax);
        var model = errors.Text("product_model", request.ProductModel, RequestChecks.ModelMax);
        var reason = errors.Text("reason", request.Reason, RequestChecks.TextMax);
        IdempotentRequest.CheckKey(errors, request.IdempotencyKey);
        errors.ThrowIfAny();
        var idempotent = IdempotentRequest.For(caller, Scraps.DeclareOperation, request.IdempotencyKey, request);
        return scraps.DeclareAsync(new Scraps.Declaration(serial!, branch!, model!, reason!), caller, idempotent, context.CancellationToken);
    }

    [Authorize(Roles = Staff)]
    public override Task<V1.Scrap> AdvanceScrap(V1.AdvanceScrapRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("scrap_id", request.ScrapId);
        var step = errors.RequiredEnum<ScrapStep>("step", request.Step);
        var note = errors.Text("note", request.Note, RequestChecks.TextMax, required: false);
        errors.ThrowIfAny();
        return scraps.AdvanceAsync(id, step, note!, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = Staff)]
    public override Task<V1.Scrap> GetScrap(V1.GetScrapRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("scrap_id", request.ScrapId);
        errors.ThrowIfAny();
        return scraps.GetAsync(id, Caller.From(context), context.CancellationToken);
    }

    // ---------- panel exchange (rule 17) ----------

    private const string ExchangeStaff = HotlineRoles.Agent + "," + HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + ","
        + HotlineRoles.Sales + "," + HotlineRoles.Administrator;

    [Authorize(Roles = ExchangeStaff)]
    public override Task<V1.PanelExchange> GetPanelExchange(V1.GetPanelExchangeRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("order_id", request.OrderId);
        errors.ThrowIfAny();
        return exchanges.GetAsync(id, Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = ExchangeStaff)]
    public override Task<V1.PanelExchange> ChooseExchange(V1.ChooseExchangeRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("order_id", request.OrderId);
        var choice = errors.RequiredEnum<ExchangeChoice>("choice", request.Choice);
        var price = errors.Money("purchase_price", request.PurchasePrice, required: true);
        var purchasedOn = errors.Date("purchased_on", request.PurchasedOn, calendar.Today);
        var topUp = choice == ExchangeChoice.TopUp;
        var newModel = errors.Text("new_model", request.NewModel, RequestChecks.ModelMax, required: topUp);
        var newPrice = errors.Money("new_model_price", request.NewModelPrice, required: topUp);
        if (!topUp && newPrice is not null) errors.Add("new_model_price", "is for a top-up exchange only");
        errors.ThrowIfAny();
        return exchanges.ChooseAsync(new PanelExchanges.Choice(id, choice, price!.Value, purchasedOn, newModel!, newPrice),
            Caller.From(context), context.CancellationToken);
    }

    [Authorize(Roles = ExchangeStaff)]
    public override Task<V1.PanelExchange> AdvanceExchange(V1.AdvanceExchangeRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var id = errors.Id("order_id", request.OrderId);
        var step = errors.RequiredEnum<ExchangeStep>("step", request.Step);
        var note = errors.Text("note", request.Note, RequestChecks.TextMax, required: false);
        errors.ThrowIfAny();
        return exchanges.AdvanceAsync(id, step, note!, Caller.From(context), context.CancellationToken);
    }

    // ---------- invoice fraud by dealer (rule 12) ----------

    [Authorize(Roles = Staff)]
    public override Task<V1.InvoiceFraudDealers> ListInvoiceFraudDealers(V1.ListInvoiceFraudDealersRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var branch = Branch(errors, Caller.From(context), request.BranchCode);
        errors.ThrowIfAny();
        return invoiceFraud.ListAsync(branch, context.CancellationToken);
    }

    private DealerStock.Delivery Delivery(FieldErrors errors, V1.RecordDeliveryRequest d, string prefix)
    {
        var serial = errors.Serial(prefix + "serial_number", d.SerialNumber);
        var model = errors.Text(prefix + "product_model", d.ProductModel, RequestChecks.ModelMax);
        var dealer = errors.Text(prefix + "dealer_code", d.DealerCode, RequestChecks.CodeMax);
        var on = errors.Date(prefix + "delivered_on", d.DeliveredOn, calendar.Today);
        return new DealerStock.Delivery(serial ?? "", model!, dealer!, on);
    }

    // ---------- shared ----------

    /// <summary>The dealer a request is about: a dealer's own when it names none.</summary>
    private static string DealerCode(FieldErrors errors, Caller caller, string requested)
    {
        if (string.IsNullOrWhiteSpace(requested) && caller.IsIn(HotlineRoles.Dealer) && caller.DealerId is { } own)
            return own;
        return errors.Text("dealer_code", requested, RequestChecks.CodeMax)!;
    }

    /// <summary>The branch a report is for: the caller's own, or the one headquarters names.</summary>
    private static string Branch(FieldErrors errors, Caller caller, string requested)
    {
        var branch = caller.ScopeBranch(string.IsNullOrWhiteSpace(requested) ? null : requested.Trim());
        if (branch is null) errors.Add("branch_code", "is required for a headquarters caller");
        return branch ?? "";
    }
}
