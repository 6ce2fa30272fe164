using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Cli;

/// <summary>register: a call from flags, or from a JSON file in the contract's form (RegisterCallRequest).</summary>
public static class RegisterCommand
{
    public static async Task<int> RunAsync(CommandLine line, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var request = line.Option("file") is { } file ? FromFile(file) : FromFlags(line);
        if (request.IdempotencyKey.Length == 0)
            request.IdempotencyKey = line.Option("key") ?? Guid.NewGuid().ToString("N");
        line.EnsureAllRead();
        var reply = await client.RegisterCallAsync(request, call);
        if (output.IsJson)
        {
            output.Message(reply);
            return CliApp.Ok;
        }
        if (reply.HandedToComplaints)
            output.Line($"Complaint call {reply.CallRecordId} handed to the complaint desk.");
        else if (reply.RepeatCall)
            output.Line($"Repeat call #{reply.RepeatCount} linked to open order {reply.Order.OrderNumber}.");
        else
            output.Line($"Order {reply.Order.OrderNumber} registered.");
        if (reply.Order is not null)
            output.Order(reply.Order);
        return CliApp.Ok;
    }

    private static RegisterCallRequest FromFile(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (IOException e) { throw new UsageException($"Cannot read {path}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new UsageException($"Cannot read {path}: {e.Message}"); }
        try { return JsonParser.Default.Parse<RegisterCallRequest>(json); }
        catch (InvalidProtocolBufferException e) { throw new UsageException($"{path} is not a RegisterCallRequest in JSON: {e.Message}"); }
        catch (InvalidJsonException e) { throw new UsageException($"{path} is not valid JSON: {e.Message}"); }
    }

    private static RegisterCallRequest FromFlags(CommandLine line) => new()
    {
        IdempotencyKey = line.Option("key") ?? "",
        CallId = line.Option("call-id") ?? "",
        AgentId = line.Option("agent") ?? Environment.UserName,
        CallerNumber = line.Option("caller") ?? "",
        CustomerName = line.Option("name") ?? "",
        ProvinceCode = line.Option("province") ?? "",
        CityCode = line.Option("city") ?? "",
        DistrictCode = line.Option("district") ?? "",
        StreetAddress = line.Option("street") ?? "",
        OrderType = line.Choice<OrderType>("type"),
        BracketSource = line.Choice<BracketSource>("bracket"),
        ProductModel = line.Option("model") ?? "",
        SerialNumber = line.Option("serial") ?? "",
        PurchaseDate = line.Option("purchase-date") ?? "",
        InvoiceNumber = line.Option("invoice-number") ?? "",
        InvoiceDate = line.Option("invoice-date") ?? "",
        HasWarrantyCard = line.Switch("warranty-card"),
        InstallationDate = line.Option("installation-date") ?? "",
        InstalledThroughHotline = line.Switch("installed-through-hotline"),
        ProductionDate = line.Option("production-date") ?? "",
        FaultCategory = line.Choice<FaultCategory>("fault-category"),
        FaultDescription = line.Option("fault") ?? "",
        RequestedVisitAt = VisitAt(line.Option("visit-at")),
        ComplaintCategory = line.Choice<ComplaintCategory>("complaint-category"),
        ComplaintDescription = line.Option("complaint") ?? "",
        RelatedOrderNumber = line.Option("related-order") ?? "",
    };

    private static Timestamp? VisitAt(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && text.Contains('T', StringComparison.Ordinal)
            ? Timestamp.FromDateTimeOffset(at)
            : throw new UsageException($"--visit-at must be a date and time with its offset, e.g. 2026-11-28T09:00+08:00; not '{text}'.");
    }
}
