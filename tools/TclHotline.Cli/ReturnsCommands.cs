using Google.Protobuf;
using Grpc.Core;
using TclHotline.Grpc.Returns.V1;
using ReturnsClient = TclHotline.Grpc.Returns.V1.Returns.ReturnsClient;

namespace TclHotline.Cli;

/// <summary>
/// `tclhotline returns …`: the returns service's calls that branch staff, directors and dealers make, one call
/// each (the CSV import one call per batch), printed from the contract or as its JSON.
/// </summary>
public static class ReturnsCommands
{
    /// <summary>Rows per RecordDeliveries call: well under the service's request size limit.</summary>
    public const int ImportBatch = 500;

    public const string Usage = """
          returns deliver --serial S --model M --dealer D --on yyyy-MM-dd
          returns import-deliveries <file.csv>      serial,model,dealer,delivered_on per line (header optional)
          returns unit <serial>
          returns stock --dealer D [--page-size N --page-token X]   (a dealer's own without --dealer)
          returns aging [--branch B]
          returns pre-sale --dealer D --serial S --model M --finding cracked-panel|scratched-panel|scratched-case|performance-fault
                           [--description X --key K]
          returns inspect <report-id> --attribution logistics|dealer|user --cost-bearer logistics|dealer|user|maker
                          [--photos id1,id2 --note X]
          returns attribute <report-id> --attribution A --reason X
          returns pre-sale-report <report-id>
          returns damage --branch B --month yyyy-MM
          returns return --dealer D --serial S --reason unsold-stock|promotion-sample|shop-exchange|shop-sample|repaired-too-slowly
                         [--orders SO1,SO2 --note X --key K]
          returns show-return <return-id>
          returns rates --branch B --month yyyy-MM
          returns scrap --serial S --branch B --model M --reason X [--key K]
          returns scrap-step <scrap-id> --step approved|collected|written-off [--note X]
          returns show-scrap <scrap-id>
          returns exchange <order-id>
          returns choose-exchange <order-id> --choice depreciation|top-up --price 3999.00 --purchased-on yyyy-MM-dd
                                  [--new-model M --new-model-price 4999.00]
          returns exchange-step <order-id> --step new-unit-handed-over|old-unit-taken-back|old-unit-scrapped|panel-returned [--note X]
          returns invoice-fraud [--branch B]
        """;

    public static async Task<int> RunAsync(CommandLine line, ReturnsClient client, CallOptions call, Output output, TextWriter stderr)
    {
        var command = line.Positional(1, "returns command (see tclhotline --help)");
        if (command == "import-deliveries")
            return await ImportAsync(line, client, call, output, stderr);

        IMessage reply = command switch
        {
            "deliver" => await client.RecordDeliveryAsync(Read(line, new RecordDeliveryRequest
            {
                SerialNumber = line.Required("serial"), ProductModel = line.Required("model"),
                DealerCode = line.Required("dealer"), DeliveredOn = line.Required("on"),
            }), call),
            "unit" => await client.GetDealerUnitAsync(Read(line, new GetDealerUnitRequest { SerialNumber = line.Positional(2, "serial number") }), call),
            "stock" => await client.ListDealerUnitsAsync(Read(line, new ListDealerUnitsRequest
            {
                DealerCode = line.Option("dealer") ?? "", PageSize = line.Number("page-size") ?? 0, PageToken = line.Option("page-token") ?? "",
            }), call),
            "aging" => await client.ListAgingStockAsync(Read(line, new ListAgingStockRequest { BranchCode = line.Option("branch") ?? "" }), call),
            "pre-sale" => await client.ReportPreSaleUnitAsync(Read(line, new ReportPreSaleUnitRequest
            {
                DealerCode = line.Required("dealer"), SerialNumber = line.Required("serial"), ProductModel = line.Required("model"),
                Finding = line.Choice<Finding>("finding"), Description = line.Option("description") ?? "", IdempotencyKey = Key(line),
            }), call),
            "inspect" => await client.RecordInspectionAsync(Read(line, new RecordInspectionRequest
            {
                ReportId = line.Positional(2, "report id"), Attribution = line.Choice<Attribution>("attribution"),
                CostBearer = line.Choice<CostBearer>("cost-bearer"), EvidencePhotoIds = { List(line, "photos") }, Note = line.Option("note") ?? "",
            }), call),
            "attribute" => await client.ChangeAttributionAsync(Read(line, new ChangeAttributionRequest
            {
                ReportId = line.Positional(2, "report id"), Attribution = line.Choice<Attribution>("attribution"), Reason = line.Required("reason"),
            }), call),
            "pre-sale-report" => await client.GetPreSaleReportAsync(Read(line, new GetPreSaleReportRequest { ReportId = line.Positional(2, "report id") }), call),
            "damage" => await client.GetDamageStatisticsAsync(Read(line, new GetDamageStatisticsRequest
            {
                BranchCode = line.Option("branch") ?? "", Month = line.Required("month"),
            }), call),
            "return" => await client.RegisterMerchantReturnAsync(Read(line, new RegisterMerchantReturnRequest
            {
                DealerCode = line.Required("dealer"), SerialNumber = line.Required("serial"), Reason = line.Choice<ReturnReason>("reason"),
                ServiceOrderNumbers = { List(line, "orders") }, Note = line.Option("note") ?? "", IdempotencyKey = Key(line),
            }), call),
            "show-return" => await client.GetMerchantReturnAsync(Read(line, new GetMerchantReturnRequest { ReturnId = line.Positional(2, "return id") }), call),
            "rates" => await client.GetMerchantReturnRatesAsync(Read(line, new GetMerchantReturnRatesRequest
            {
                BranchCode = line.Option("branch") ?? "", Month = line.Required("month"),
            }), call),
            "scrap" => await client.DeclareScrapAsync(Read(line, new DeclareScrapRequest
            {
                SerialNumber = line.Required("serial"), BranchCode = line.Option("branch") ?? "", ProductModel = line.Required("model"),
                Reason = line.Required("reason"), IdempotencyKey = Key(line),
            }), call),
            "scrap-step" => await client.AdvanceScrapAsync(Read(line, new AdvanceScrapRequest
            {
                ScrapId = line.Positional(2, "scrap id"), Step = line.Choice<ScrapStep>("step"), Note = line.Option("note") ?? "",
            }), call),
            "show-scrap" => await client.GetScrapAsync(Read(line, new GetScrapRequest { ScrapId = line.Positional(2, "scrap id") }), call),
            "exchange" => await client.GetPanelExchangeAsync(Read(line, new GetPanelExchangeRequest { OrderId = line.Positional(2, "order id") }), call),
            "choose-exchange" => await client.ChooseExchangeAsync(Read(line, new ChooseExchangeRequest
            {
                OrderId = line.Positional(2, "order id"), Choice = line.Choice<ExchangeChoice>("choice"), PurchasePrice = line.Required("price"),
                PurchasedOn = line.Required("purchased-on"), NewModel = line.Option("new-model") ?? "", NewModelPrice = line.Option("new-model-price") ?? "",
            }), call),
            "exchange-step" => await client.AdvanceExchangeAsync(Read(line, new AdvanceExchangeRequest
            {
                OrderId = line.Positional(2, "order id"), Step = line.Choice<ExchangeStep>("step"), Note = line.Option("note") ?? "",
            }), call),
            "invoice-fraud" => await client.ListInvoiceFraudDealersAsync(Read(line, new ListInvoiceFraudDealersRequest { BranchCode = line.Option("branch") ?? "" }), call),
            _ => throw new UsageException($"Unknown returns command '{command}'. Run 'tclhotline --help'."),
        };
        if (output.IsJson)
            output.Message(reply);
        else
            MessageView.Print(output, reply);
        return CliApp.Ok;
    }

    /// <summary>
    /// Reads the whole file first: a bad line anywhere stops the import before anything is sent. Then one call
    /// per batch; the service takes a batch whole or refuses it naming its rows, given back here as the file's
    /// lines. A file sent again changes nothing for the rows already recorded (counted as unchanged).
    /// </summary>
    private static async Task<int> ImportAsync(CommandLine line, ReturnsClient client, CallOptions call, Output output, TextWriter stderr)
    {
        var path = line.Positional(2, "CSV file of deliveries");
        line.EnsureAllRead();
        IReadOnlyList<DeliveryLine> deliveries;
        IReadOnlyList<string> errors;
        try
        {
            using var reader = new StreamReader(path);
            (deliveries, errors) = DeliveryFile.Read(reader);
        }
        catch (IOException e) { throw new UsageException($"Cannot read {path}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new UsageException($"Cannot read {path}: {e.Message}"); }

        if (errors.Count > 0)
        {
            foreach (var error in errors) stderr.WriteLine($"{path}: {error}");
            stderr.WriteLine($"Nothing imported: {errors.Count} bad line(s).");
            return CliApp.BadInput;
        }

        if (deliveries.Count == 0)
            throw new UsageException($"{path} holds no deliveries.");

        int recorded = 0, unchanged = 0;
        foreach (var batch in deliveries.Chunk(ImportBatch))
        {
            var request = new RecordDeliveriesRequest { Deliveries = { batch.Select(d => d.Delivery) } };
            try
            {
                var reply = await client.RecordDeliveriesAsync(request, call);
                recorded += reply.Recorded;
                unchanged += reply.Unchanged;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                foreach (var problem in DeliveryFile.LinesOf(e.Status.Detail, batch)) stderr.WriteLine($"{path}: {problem}");
                stderr.WriteLine(recorded + unchanged == 0
                    ? "Nothing imported."
                    : $"Lines before {batch[0].Line} were imported ({recorded} recorded, {unchanged} unchanged); the rest were not. Fix the file and import it again: imported lines stay unchanged.");
                return CliApp.BadInput;
            }
        }

        if (output.IsJson)
            output.Message(new RecordDeliveriesResponse { Recorded = recorded, Unchanged = unchanged });
        else
            output.Line($"{deliveries.Count} deliveries read from {path}: {recorded} recorded, {unchanged} already recorded.");
        return CliApp.Ok;
    }

    /// <summary>Checks that every option given was read, then hands the request on.</summary>
    private static T Read<T>(CommandLine line, T request)
    {
        line.EnsureAllRead();
        return request;
    }

    private static string Key(CommandLine line) => line.Option("key") ?? Guid.NewGuid().ToString("N");

    private static IEnumerable<string> List(CommandLine line, string name) =>
        (line.Option(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
