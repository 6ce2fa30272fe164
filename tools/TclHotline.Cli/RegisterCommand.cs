using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Cli;

/// <summary>register: a call from flags, or from a JSON file in the contract's form (RegisterCallRequest).</summary>
public static class RegisterCommand
{
    public static async Task<int> RunAsync(CommandLine line, string? token, IntakeService.IntakeServiceClient client, CallOptions call, Output output)
    {
        var request = line.Option("file") is { } file ? FromFile(file) : FromFlags(line);
        if (request.IdempotencyKey.Length == 0)
            request.IdempotencyKey = line.Option("key") ?? Guid.NewGuid().ToString("N");
        if (request.AgentId.Length == 0)
            request.AgentId = line.Option("agent") ?? AgentOf(token);
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

    /// <summary>
    /// The agent is who signed in: the token's subject, not the account the CLI runs under (on a shared desk or
    /// in a container that is "root" for everyone). Read only, not validated: the server checks the token.
    /// </summary>
    private static string AgentOf(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return ""; // the server answers Unauthenticated before it looks at the agent
        System.IdentityModel.Tokens.Jwt.JwtSecurityToken jwt;
        try { jwt = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(token); }
        catch (ArgumentException) { return ""; } // not a JWT: the server refuses it
        return jwt.Claims.FirstOrDefault(c => c.Type == TclHotline.ServiceDefaults.Security.HotlineClaims.Subject)?.Value is { Length: > 0 } subject
            ? subject
            : throw new UsageException("The token names no agent (no subject): pass --agent.");
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
        AgentId = line.Option("agent") ?? "",
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
